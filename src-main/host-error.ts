// Refusals raised by the main process: a stable code plus a Chinese message telling the clerk what to do next.
import { formatHostError, type HostErrorInfo } from '../src-shared/host/host-api';

export class HostError extends Error {
  readonly code: string;
  readonly userMessage: string;

  constructor(code: string, userMessage: string, options?: { cause?: unknown }) {
    super(formatHostError({ code, message: userMessage }), options);
    this.name = 'HostError';
    this.code = code;
    this.userMessage = userMessage;
  }

  toInfo(): HostErrorInfo {
    return { code: this.code, message: this.userMessage };
  }
}

/** Any thrown value as a host refusal; unexpected errors become `host_internal_error` without leaking details. */
export function toHostErrorInfo(error: unknown): HostErrorInfo {
  if (error instanceof HostError) return error.toInfo();
  return {
    code: 'host_internal_error',
    message: '程序内部出错，请重试；若仍失败，请在“帮助”菜单导出诊断信息并联系县人大常委会。',
  };
}
