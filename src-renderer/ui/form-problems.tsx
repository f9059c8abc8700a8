// The problems of a form that belong to no one field (or to a field not on screen), one line each, above the form.
import { Alert } from 'antd';

export function FormProblems({ problems, gap = 16 }: { problems: readonly string[]; gap?: number }) {
  if (problems.length === 0) return null;
  return (
    <Alert type="error" showIcon style={{ marginBottom: gap }} message={problems.map((p) => <div key={p}>{p}</div>)} />
  );
}
