// Bearer-token authentication: resolves `Authorization: Bearer …` (or `?token=` for EventSource) to the caller.
import type { FastifyRequest } from 'fastify';
import { hashSecret } from '../security/secrets';
import type { Store, TokenRecord } from '../store/store';
import { forbidden, unauthorized } from './errors';

/** Who is calling: a station's enrolled device, or a county staff member. */
export type Caller =
  | { kind: 'station'; stationId: string; countyId: string; tokenHash: string }
  | { kind: 'staff'; user: string; countyId: string; tokenHash: string };

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** The presented token: the Authorization header, or the `token` query parameter where allowed (server-sent events). */
export function presentedToken(request: FastifyRequest, allowQuery: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (match?.[1]) return match[1];
  }
  if (allowQuery) {
    const query = request.query as Record<string, unknown> | undefined;
    const token = query?.token;
    if (typeof token === 'string' && token.length > 0) return token;
  }
  return null;
}

function callerOf(token: TokenRecord): Caller {
  return token.kind === 'station'
    ? { kind: 'station', stationId: token.stationId ?? token.subject, countyId: token.countyId, tokenHash: token.hash }
    : { kind: 'staff', user: token.subject, countyId: token.countyId, tokenHash: token.hash };
}

/** Resolves and checks the token; sets `request.caller`. Throws 401 with a message saying what to do next. */
export async function authenticate(
  request: FastifyRequest,
  store: Store,
  now: Date,
  options: { allowQuery?: boolean } = {},
): Promise<Caller> {
  const token = presentedToken(request, options.allowQuery ?? false);
  if (!token) throw unauthorized('unauthenticated', '未登录或未注册：请先用注册码注册本联络站，或以县级账号登录');
  const record = await store.findToken(hashSecret(token));
  if (!record) throw unauthorized('invalid_token', '凭证无效：请重新注册本联络站或重新登录');
  if (record.revokedAt) {
    throw unauthorized(
      'token_revoked',
      record.kind === 'station'
        ? '本联络站的同步凭证已被吊销：请向县人大常委会索取新的注册码后重新注册'
        : '登录已注销：请重新登录',
    );
  }
  if (record.expiresAt && record.expiresAt <= now.toISOString()) {
    throw unauthorized('session_expired', '登录已过期：请重新登录');
  }
  const caller = callerOf(record);
  request.caller = caller;
  return caller;
}

/** A short actor name for logs and the audit log (never the token). */
export function actorOf(caller: Caller): string {
  return caller.kind === 'station' ? `station:${caller.stationId}` : `staff:${caller.user}`;
}

/** County staff only, scoped to their county: a station token, or a `countyId` other than the staff's, gets 403. */
export async function authenticateStaff(
  request: FastifyRequest,
  store: Store,
  now: Date,
  requestedCountyId?: string,
): Promise<Extract<Caller, { kind: 'staff' }>> {
  const caller = await authenticate(request, store, now);
  if (caller.kind !== 'staff') {
    throw forbidden('staff_only', '此功能仅供县级人大常委会工作人员使用，请以县级账号登录');
  }
  if (requestedCountyId !== undefined && requestedCountyId !== caller.countyId) {
    throw forbidden('out_of_scope', '只能查看本人所在县(市、区)的数据，请切换到有权限的账号');
  }
  return caller;
}
