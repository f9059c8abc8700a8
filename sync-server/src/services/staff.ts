// County staff accounts: creation (CLI) and login (12-hour sessions).
import type { LoginResponse } from '../../../src-shared/api/staff-session';
import { badRequest, notFound, unauthorized } from '../plugins/errors';
import { hashPassword, hashSecret, newToken, verifyPassword } from '../security/secrets';
import type { Store } from '../store/store';

export const minPasswordLength = 8;

export async function addStaff(
  store: Store,
  user: string,
  countyId: string,
  password: string,
  now: Date,
): Promise<void> {
  if (!/^[\p{L}\p{N}._@-]{2,40}$/u.test(user)) {
    throw badRequest('invalid_user_name', '用户名须为2–40个字母、数字或 . _ @ -');
  }
  if (password.length < minPasswordLength) {
    throw badRequest('password_too_short', `密码至少 ${minPasswordLength} 位，请换一个更长的密码`);
  }
  if (!(await store.getCounty(countyId))) {
    throw notFound('county_not_found', `找不到编号为 ${countyId} 的县(市、区)：请用 "counties list" 查看编号`);
  }
  await store.upsertStaff({ user, countyId, passwordHash: await hashPassword(password) });
  await store.audit({ at: now.toISOString(), actor: 'cli', action: 'addStaff', target: user, detail: countyId });
}

// Verifying against a fixed hash when the user is unknown keeps the answer time the same, so names cannot be probed.
let dummyHash: Promise<string> | null = null;

export async function login(
  store: Store,
  user: string,
  password: string,
  now: Date,
  sessionMs: number,
): Promise<LoginResponse> {
  const account = await store.getStaff(user);
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash));
  if (!account || !ok) throw unauthorized('invalid_credentials', '用户名或密码错误，请重新输入');
  const token = newToken();
  const expiresAt = new Date(now.getTime() + sessionMs).toISOString();
  await store.createToken({
    hash: hashSecret(token),
    kind: 'staff',
    subject: account.user,
    countyId: account.countyId,
    stationId: null,
    deviceName: null,
    createdAt: now.toISOString(),
    revokedAt: null,
    expiresAt,
  });
  const county = await store.getCounty(account.countyId);
  await store.audit({
    at: now.toISOString(),
    actor: `staff:${account.user}`,
    action: 'login',
    target: null,
    detail: null,
  });
  return { token, user: account.user, countyId: account.countyId, countyName: county?.name ?? '', expiresAt };
}
