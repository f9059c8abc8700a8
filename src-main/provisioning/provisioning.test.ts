// Provisioning by installers: a missing file means manual enrolment; a wrong file is refused naming the field.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provisioningFilePath, readProvisioning } from './provisioning';

let directory: string;
let file: string;

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ls-provisioning-'));
  file = path.join(directory, 'provisioning.json');
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('provisioning file location', () => {
  it('is under %ProgramData% on Windows', () => {
    expect(provisioningFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\LiaisonStation\\provisioning.json',
    );
  });

  it('is under /etc on Linux', () => {
    expect(provisioningFilePath('linux', {})).toBe('/etc/liaison-station/provisioning.json');
  });

  it('can be overridden by LIAISON_PROVISIONING_FILE', () => {
    expect(provisioningFilePath('win32', { LIAISON_PROVISIONING_FILE: '/tmp/p.json', ProgramData: 'C:\\x' })).toBe(
      '/tmp/p.json',
    );
  });
});

describe('reading the provisioning file', () => {
  it('answers null when the installer placed no file', async () => {
    expect(await readProvisioning(file)).toBeNull();
  });

  it('reads the server address, enrolment code and device name (UTF-8 with a byte-order mark)', async () => {
    await writeFile(
      file,
      `\uFEFF${JSON.stringify({ serverUrl: 'https://sync.xzrd.gov.cn/', enrolmentCode: ' XZ-MH-7Q2K ', deviceName: '妙皇乡联络站' })}`,
    );
    expect(await readProvisioning(file)).toEqual({
      serverUrl: 'https://sync.xzrd.gov.cn',
      enrolmentCode: 'XZ-MH-7Q2K',
      deviceName: '妙皇乡联络站',
    });
  });

  it('refuses a file that is not JSON', async () => {
    await writeFile(file, 'serverUrl=https://x');
    await expect(readProvisioning(file)).rejects.toMatchObject({ code: 'provisioning_invalid' });
    await expect(readProvisioning(file)).rejects.toThrow(/不是有效的 JSON/);
  });

  it.each([
    [{ enrolmentCode: 'A1' }, /缺少 serverUrl/],
    [{ serverUrl: 'sync.example', enrolmentCode: 'A1' }, /不是有效的网址/],
    [{ serverUrl: 'ftp://sync.example', enrolmentCode: 'A1' }, /必须以 http:\/\/ 或 https:\/\/ 开头/],
    [{ serverUrl: 'https://user:pw@sync.example', enrolmentCode: 'A1' }, /不能包含用户名或密码/],
    [{ serverUrl: 'https://sync.example' }, /缺少 enrolmentCode/],
    [{ serverUrl: 'https://sync.example', enrolmentCode: '   ' }, /缺少 enrolmentCode/],
    [{ serverUrl: 'https://sync.example', enrolmentCode: 7 }, /缺少 enrolmentCode/],
    [{ serverUrl: 'https://sync.example', enrolmentCode: 'A1', deviceName: 5 }, /deviceName/],
    [{ serverUrl: 'https://sync.example', enrolmentCode: 'A1', token: 'x' }, /不认识的字段 token/],
    [['https://sync.example'], /一个 JSON 对象/],
  ])('refuses %j naming the problem', async (content, message) => {
    await writeFile(file, JSON.stringify(content));
    const failure = readProvisioning(file);
    await expect(failure).rejects.toMatchObject({ code: 'provisioning_invalid' });
    await expect(readProvisioning(file)).rejects.toThrow(message);
  });
});
