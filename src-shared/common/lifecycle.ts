// Lifecycles as data: which action moves a record from which states to which, by which role, needing what.
// The UI lists allowed actions from it, the server refuses others, and applyCommand is the one way to move a record.

import type { HistoryEntry, Role } from './document';
import { DomainError, type DomainErrorInit } from './domain-error';
import { newId } from './ids';
import type { Label } from './labels';

/** A record a lifecycle can move: it has a status and a history. */
export interface LifecycleRecord<S extends string = string> {
  status: S;
  history: HistoryEntry[];
  updatedAt: string;
}

/** A named precondition checked on the record after the command's payload is written (e.g. 'assignment'). */
export type RequirementCheck<R> = (next: R, before: R) => DomainErrorInit | undefined;

export interface Transition<S extends string, Q extends string, R> {
  from: readonly S[];
  to: S;
  /** The roles that may perform it (DOMAIN.md "Who moves it"). */
  by: Role | readonly Role[];
  /** Requirement names, checked in order after the payload is applied. */
  requires?: readonly Q[];
  /** Fields the command's payload may write (anything else is refused). */
  writes?: readonly (keyof R & string)[];
  /** Fields cleared by the action (their old values are kept in the history entry). */
  clears?: readonly (keyof R & string)[];
  /** A precondition on the current record beyond its status (e.g. re-assign only when rated unsatisfied). */
  when?: (record: R) => DomainErrorInit | undefined;
  label: Label;
}

export interface Lifecycle<
  S extends string,
  A extends string,
  R extends LifecycleRecord<S>,
  Q extends string = string,
> {
  readonly transitions: { readonly [K in A]: Transition<S, Q, R> };
  readonly requirements: { readonly [K in Q]: RequirementCheck<R> };
  /** Labels of the statuses, for messages. */
  readonly statusLabels: Readonly<Record<S, Label>>;
  readonly roleLabels?: Readonly<Record<Role, Label>>;
}

/** Defines a lifecycle (see STYLE.md). Type parameters: statuses, actions, the record type, requirement names. */
export function defineLifecycle<S extends string, A extends string, R extends LifecycleRecord<S>, Q extends string>(
  definition: Lifecycle<S, A, R, Q>,
): Lifecycle<S, A, R, Q> {
  return definition;
}

export const roleLabels: Record<Role, Label> = {
  station: { 'zh-CN': '联络站工作人员', en: 'station clerk' },
  county: { 'zh-CN': '县级人大常委会工作人员', en: 'county staff' },
  system: { 'zh-CN': '系统', en: 'the system' },
};

export interface Actor {
  name: string;
  role: Role;
}

export interface Command<A extends string, R> {
  action: A;
  /** Values the action writes (only the transition's `writes` fields). */
  payload?: Partial<R>;
  note?: string;
}

function rolesOf(by: Role | readonly Role[]): readonly Role[] {
  return typeof by === 'string' ? [by] : by;
}

function transitionOf<S extends string, A extends string, R extends LifecycleRecord<S>, Q extends string>(
  lifecycle: Lifecycle<S, A, R, Q>,
  action: string,
): Transition<S, Q, R> | undefined {
  return Object.hasOwn(lifecycle.transitions, action) ? lifecycle.transitions[action as A] : undefined;
}

/** The actions `role` may perform on `record` now (status, role and preconditions; payload requirements come later). */
export function allowedActions<S extends string, A extends string, R extends LifecycleRecord<S>, Q extends string>(
  lifecycle: Lifecycle<S, A, R, Q>,
  record: R,
  role: Role,
): A[] {
  return (Object.keys(lifecycle.transitions) as A[]).filter((action) => {
    const t = lifecycle.transitions[action];
    return t.from.includes(record.status) && rolesOf(t.by).includes(role) && t.when?.(record) === undefined;
  });
}

/** Is there an action that moves `from` → `to` for `role`? (the server's status check) */
export function lifecycleAllows<S extends string, A extends string, R extends LifecycleRecord<S>, Q extends string>(
  lifecycle: Lifecycle<S, A, R, Q>,
  from: string,
  to: string,
  role: Role,
): boolean {
  return (Object.keys(lifecycle.transitions) as A[]).some((action) => {
    const t = lifecycle.transitions[action];
    return (t.from as readonly string[]).includes(from) && t.to === to && rolesOf(t.by).includes(role);
  });
}

function statusLabel<S extends string>(labels: Readonly<Record<S, Label>>, status: S): Label {
  return labels[status] ?? { 'zh-CN': status, en: status };
}

/**
 * Applies a command: checks role, state, precondition and requirements, then returns a new record with the
 * payload written, the status changed, `updatedAt = now` and a history entry appended. Refusals throw DomainError.
 * Pure apart from the entry id (pass `entryId` to make it deterministic).
 */
export function applyCommand<S extends string, A extends string, R extends LifecycleRecord<S>, Q extends string>(
  lifecycle: Lifecycle<S, A, R, Q>,
  record: R,
  command: Command<A, R>,
  actor: Actor,
  now: string,
  entryId: string = newId(Date.parse(now) || 0),
): R {
  const t = transitionOf(lifecycle, command.action);
  if (!t) {
    throw new DomainError({
      code: 'unknown_action',
      message: `无法识别的操作“${command.action}”，请升级到最新版本后重试`,
      messageEn: `Unknown action "${command.action}"`,
    });
  }
  const roles = rolesOf(t.by);
  if (!roles.includes(actor.role)) {
    const who = roles.map((r) => roleLabels[r]['zh-CN']).join('或');
    throw new DomainError({
      code: 'role_not_allowed',
      message: `“${t.label['zh-CN']}”只能由${who}办理，请联系${who}`,
      messageEn: `"${t.label.en}" can only be done by ${roles.map((r) => roleLabels[r].en).join(' or ')}`,
    });
  }
  if (!t.from.includes(record.status)) {
    const current = statusLabel(lifecycle.statusLabels, record.status);
    const allowed = t.from.map((s) => `“${statusLabel(lifecycle.statusLabels, s)['zh-CN']}”`).join('、');
    throw new DomainError({
      code: 'transition_not_allowed',
      message: `当前状态为“${current['zh-CN']}”，不能${t.label['zh-CN']}；只有${allowed}状态可以${t.label['zh-CN']}，请刷新后查看最新状态`,
      messageEn: `Cannot "${t.label.en}" from status "${current.en}"`,
      field: 'status',
    });
  }
  const precondition = t.when?.(record);
  if (precondition) throw new DomainError(precondition);

  const payload: Record<string, unknown> = { ...(command.payload ?? {}) };
  const writable = new Set<string>(t.writes ?? []);
  for (const field of Object.keys(payload)) {
    if (!writable.has(field)) {
      throw new DomainError({
        code: 'field_not_writable',
        message: `“${t.label['zh-CN']}”不能修改字段“${field}”，请分开保存其他修改`,
        messageEn: `"${t.label.en}" may not write the field "${field}"`,
        field,
      });
    }
  }

  const next: Record<string, unknown> = { ...(record as unknown as Record<string, unknown>) };
  const overwritten: Record<string, unknown> = {};
  for (const field of t.clears ?? []) {
    if (next[field] !== undefined) overwritten[field] = next[field];
    delete next[field];
  }
  for (const [field, value] of Object.entries(payload)) {
    const old = (record as unknown as Record<string, unknown>)[field];
    if (old !== undefined && JSON.stringify(old) !== JSON.stringify(value)) overwritten[field] = old;
    if (value === undefined) delete next[field];
    else next[field] = value;
  }
  const entry: HistoryEntry = {
    id: entryId,
    at: now,
    by: actor.name,
    role: actor.role,
    action: command.action,
    from: record.status,
    to: t.to,
  };
  if (command.note !== undefined && command.note !== '') entry.note = command.note;
  if (Object.keys(overwritten).length > 0) entry.overwritten = JSON.stringify(overwritten);
  next.status = t.to;
  next.updatedAt = now;
  next.history = [...record.history, entry];
  const result = next as unknown as R;

  for (const name of t.requires ?? []) {
    const problem = lifecycle.requirements[name](result, record);
    if (problem) throw new DomainError(problem);
  }
  return result;
}

/** Helper for requirement checks: a required text field is missing. */
export function missingText(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}
