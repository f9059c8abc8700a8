// When an opinion is overdue (超期未答复): assigned to a department whose reply deadline has passed.
import { isPastDeadline } from '../calendar/working-days';
import type { Opinion } from './opinion';

/**
 * Overdue: the opinion waits for the department's reply (`assigned`) and `today` (the station's date, 'YYYY-MM-DD',
 * Asia/Shanghai) is after the assignment deadline. A returned opinion waits for the county, not the department;
 * a replied, rated or closed one is answered: neither is overdue. The county's queue and work report use this rule.
 */
export function isOpinionOverdue(opinion: Pick<Opinion, 'status' | 'assignment'>, today: string): boolean {
  return opinion.status === 'assigned' && !!opinion.assignment && isPastDeadline(opinion.assignment.deadline, today);
}
