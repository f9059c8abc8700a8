// For the first-run screen: enrols by itself when the installer provisioned this PC (or it holds a token already),
// so the clerk only gives a name. Reports what happened so the screen can show the error with what to do.
import { useEffect, useState } from 'react';
import { isDomainError } from '../../src-shared/common/domain-error';
import { type EnrolledStation, resumeOrProvisionedEnrolment } from './enrol';

export interface ProvisionedEnrolment {
  /** True while looking for provisioning and enrolling. */
  busy: boolean;
  /** The enrolled station (then go on to the clerk's name), or null. */
  station: EnrolledStation | null;
  /** Why the provisioned enrolment failed (Chinese, says what to do); the manual form stays available. */
  error: string | null;
}

export function useProvisionedEnrolment(): ProvisionedEnrolment {
  const [state, setState] = useState<ProvisionedEnrolment>({ busy: true, station: null, error: null });
  useEffect(() => {
    let active = true;
    resumeOrProvisionedEnrolment().then(
      (station) => {
        if (active) setState({ busy: false, station, error: null });
      },
      (error: unknown) => {
        const message = isDomainError(error) ? error.message : error instanceof Error ? error.message : String(error);
        if (active) setState({ busy: false, station: null, error: message });
      },
    );
    return () => {
      active = false;
    };
  }, []);
  return state;
}
