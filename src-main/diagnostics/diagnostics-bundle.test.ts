// The diagnostics bundle for support must carry no personal data, while keeping what support needs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRotatingLogger } from '../logging/rotating-logger';
import { buildDiagnosticsBundle, diagnosticsFileName } from './diagnostics-bundle';
import { scrubText } from './scrub';

// A visitor and a mediation party as a clerk would record them.
const visitor = {
  name: '韦秀兰',
  phone: '13877261234',
  idNumber: '45130219850312402X',
  address: '象州县妙皇乡古德村12号',
};
const party = { name: '覃建国', phone: '+86 139-7720-5566', idNumber: '452225198001011234' };
const personalStrings = [
  visitor.name,
  visitor.phone,
  visitor.idNumber,
  visitor.address,
  party.name,
  '139-7720-5566',
  party.idNumber,
  'huang.lili@example.com',
  '0772-4212345',
  'tok_9f8e7d6c5b4a',
  'XZ-MH-7Q2K',
  'zhanglan',
];

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ls-diagnostics-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('diagnostics bundle', () => {
  it('contains no personal data from logs or the renderer report', () => {
    const logger = createRotatingLogger({ directory, maxBytes: 600, maxFiles: 3 });
    logger.log('info', `opinion recorded for ${visitor.name} ${visitor.phone}`, { visitor });
    logger.log('warn', `sync failed, contact huang.lili@example.com or 0772-4212345, id ${party.idNumber}`);
    logger.log('error', 'push refused', { party, token: 'tok_9f8e7d6c5b4a', enrolmentCode: 'XZ-MH-7Q2K' });
    logger.log('info', 'profile at C:\\Users\\zhanglan\\AppData\\Roaming\\LiaisonStation and /home/zhanglan/.config');

    const bundle = buildDiagnosticsBundle({
      facts: {
        appVersion: '0.1.0',
        nodeVersion: 'v20.19.0',
        platform: 'win32',
        osRelease: '10.0.19045',
        arch: 'x64',
        totalMemoryMb: 8192,
        freeMemoryMb: 2048,
        provisioning: { present: true, serverUrl: 'https://sync.xzrd.gov.cn' },
      },
      logs: logger.readFiles(),
      backups: [{ id: 'latest', kind: 'latest', createdAt: '2026-03-02T01:00:00.000Z', sizeBytes: 2048 }],
      rendererReport: {
        pendingChanges: 3,
        lastError: `push failed for opinion of ${visitor.name}, 电话 ${party.phone}`,
        lastRecord: { visitorName: visitor.name, parties: [party], content: '反映村道坑洼' },
        phoneAsNumber: 13877261234,
      },
      now: new Date('2026-03-02T09:15:00'),
    });
    const text = JSON.stringify(bundle);

    for (const personal of personalStrings) expect(text, personal).not.toContain(personal);
    expect(text).toContain('0.1.0');
    expect(text).toContain('https://sync.xzrd.gov.cn');
    expect(text).toContain('"pendingChanges":3');
    expect(text).toContain('sync failed');
    expect(text).toContain('"id":"latest"');
  });

  it('is named after the local date and time', () => {
    expect(diagnosticsFileName(new Date(2026, 2, 2, 9, 5))).toBe('联络站诊断信息-20260302-0905.json');
  });
});

describe('scrubbing text', () => {
  it.each([
    ['tel 13877261234', 'tel [手机号已隐去]'],
    ['id 45130219850312402X.', 'id [身份证号已隐去].'],
    ['old id 452225800101123', 'old id [身份证号已隐去]'],
    ['来访人韦秀兰，住古德村', '[中文已隐去]'],
    ['visitor 覃建国 (phone [手机号已隐去])', 'visitor [中文已隐去] (phone [手机号已隐去])'],
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [已隐去]'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it('is idempotent, so a bundle can scrub lines the logger already scrubbed', () => {
    const once = scrubText('韦秀兰 13877261234 45130219850312402X C:\\Users\\zhanglan\\x');
    expect(scrubText(once)).toBe(once);
  });

  it('keeps dates, versions, counts and ids that are not personal data', () => {
    const text = 'seq 1234567 at 2026-03-02T09:15:00Z, version 0.1.0, doc 01HX3Q6ZP8M2YV4T0C9G5N7B1K';
    expect(scrubText(text)).toBe(text);
  });
});
