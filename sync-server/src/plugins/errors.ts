// One error handler: every refusal leaves as JSON `{ error, message }` with a stable code and a Chinese message.

import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody } from '../../../src-shared/api/errors';
import { StorageError } from '../store/store-errors';

/** A refusal with its HTTP status, stable code, Chinese message and optional extra fields (e.g. `requiredVersion`). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, extra?: Record<string, unknown>) =>
  new HttpError(400, code, message, extra);
export const unauthorized = (code: string, message: string) => new HttpError(401, code, message);
export const forbidden = (code: string, message: string, extra?: Record<string, unknown>) =>
  new HttpError(403, code, message, extra);
export const notFound = (code: string, message: string) => new HttpError(404, code, message);

function isFastifyError(err: unknown): err is FastifyError {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}

/** Maps any thrown value to a status and body; exported for tests. */
export function toErrorReply(err: unknown): { status: number; body: ErrorBody & Record<string, unknown> } {
  if (err instanceof HttpError) {
    return { status: err.statusCode, body: { ...err.extra, error: err.code, message: err.message } };
  }
  // The storage, not the request: a full disk (507 storage_full) or an unreachable database (503).
  if (err instanceof StorageError) {
    return { status: err.statusCode, body: { error: err.code, message: err.message } };
  }
  if (isFastifyError(err)) {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return {
        status: 413,
        body: { error: 'body_too_large', message: '提交的数据过大，请减少每批的记录或照片数量后重试' },
      };
    }
    if (err.code === 'FST_ERR_VALIDATION' || err.validation) {
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          message: `请求格式不正确：${err.message}。请升级或重新安装客户端后重试`,
        },
      };
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return { status: 415, body: { error: 'unsupported_media_type', message: '请以 JSON 格式提交数据' } };
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return { status: 400, body: { error: 'invalid_json', message: '请求内容不是有效的 JSON，请检查后重试' } };
    }
    if (err.statusCode === 429) {
      return { status: 429, body: { error: 'too_many_requests', message: '尝试次数过多，请稍候一分钟再试' } };
    }
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return { status: err.statusCode, body: { error: 'bad_request', message: `请求被拒绝：${err.message}` } };
    }
  }
  return {
    status: 500,
    body: { error: 'internal_error', message: '服务器内部错误，请稍后重试；若反复出现请联系管理员' },
  };
}

/** Registers the error and not-found handlers on the root instance. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toErrorReply(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ error: body.error, status }, 'request refused');
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });
}

export const notFoundBody: ErrorBody = { error: 'not_found', message: '没有这个地址，请检查服务器地址与客户端版本' };
