// Reads the provisioning file that installers place in the machine-wide data folder (server address, enrolment code).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Provisioning } from '../../src-shared/host/host-api';
import { HostError } from '../host-error';

export const provisioningFileName = 'provisioning.json';
const maxFileBytes = 64 * 1024;

/**
 * Windows: %ProgramData%\LiaisonStation\provisioning.json; Linux: /etc/liaison-station/provisioning.json.
 * LIAISON_PROVISIONING_FILE overrides both (tests, unusual installs).
 */
export function provisioningFilePath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  const override = env.LIAISON_PROVISIONING_FILE;
  if (override) return override;
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return path.win32.join(programData, 'LiaisonStation', provisioningFileName);
  }
  return path.posix.join('/etc/liaison-station', provisioningFileName);
}

function invalid(file: string, what: string): HostError {
  return new HostError(
    'provisioning_invalid',
    `配置文件 ${file} 有误：${what}。请实施人员按安装说明改正后重新启动程序。`,
  );
}

/** Checks the parsed file; every problem names the field and what is expected. */
export function parseProvisioning(text: string, file: string): Provisioning {
  let value: unknown;
  try {
    // Notepad on Windows may save a UTF-8 byte-order mark.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw invalid(file, '不是有效的 JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(file, '内容应为一个 JSON 对象');
  const record = value as Record<string, unknown>;
  const known = new Set(['serverUrl', 'enrolmentCode', 'deviceName']);
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw invalid(file, `含有不认识的字段 ${unknown.join('、')}（只允许 serverUrl、enrolmentCode、deviceName）`);

  const { serverUrl, enrolmentCode, deviceName } = record;
  if (typeof serverUrl !== 'string' || serverUrl.trim() === '') throw invalid(file, '缺少 serverUrl（服务器地址）');
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    throw invalid(file, `serverUrl “${serverUrl.slice(0, 100)}” 不是有效的网址`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid(file, 'serverUrl 必须以 http:// 或 https:// 开头');
  if (url.username || url.password) throw invalid(file, 'serverUrl 不能包含用户名或密码');
  if (typeof enrolmentCode !== 'string' || enrolmentCode.trim() === '') {
    throw invalid(file, '缺少 enrolmentCode（注册码）');
  }
  if (enrolmentCode.trim().length > 200) throw invalid(file, 'enrolmentCode 过长');
  if (
    deviceName !== undefined &&
    (typeof deviceName !== 'string' || deviceName.trim() === '' || deviceName.length > 100)
  ) {
    throw invalid(file, 'deviceName（电脑名称）应为 1 至 100 个字符的文字');
  }
  const result: Provisioning = { serverUrl: url.toString().replace(/\/$/, ''), enrolmentCode: enrolmentCode.trim() };
  if (typeof deviceName === 'string') result.deviceName = deviceName.trim();
  return result;
}

/** The provisioning, or null when no file was placed (the clerk then enrols by hand). */
export async function readProvisioning(file: string): Promise<Provisioning | null> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new HostError(
      'provisioning_unreadable',
      `无法读取配置文件 ${file}（${code ?? '未知原因'}），请检查文件权限后重新启动程序。`,
    );
  }
  if (data.length > maxFileBytes) throw invalid(file, '文件过大');
  return parseProvisioning(data.toString('utf8'), file);
}
