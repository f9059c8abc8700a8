// The log file rotates by size, keeps a bounded number of files and never records personal data.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRotatingLogger } from './rotating-logger';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ls-logs-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('rotating logger', () => {
  it('writes JSON lines with time, level and message', async () => {
    const logger = createRotatingLogger({ directory, now: () => new Date('2026-03-02T01:02:03.000Z') });
    logger.log('info', 'app started', { version: '0.1.0' });

    const line = JSON.parse((await readFile(path.join(directory, 'app.log'), 'utf8')).trim());
    expect(line).toEqual({
      at: '2026-03-02T01:02:03.000Z',
      level: 'info',
      message: 'app started',
      fields: { version: '0.1.0' },
    });
  });

  it('rotates by size and keeps at most the configured number of files', async () => {
    const logger = createRotatingLogger({ directory, maxBytes: 300, maxFiles: 3 });
    for (let index = 0; index < 40; index++) logger.log('info', `sync batch ${index} done`, { batch: index });

    const names = (await readdir(directory)).sort();
    expect(names).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    for (const name of names) {
      expect((await readFile(path.join(directory, name))).length).toBeLessThanOrEqual(300);
    }
    const files = logger.readFiles();
    expect(files.map((file) => file.name)).toEqual(['app.2.log', 'app.1.log', 'app.log']);
    expect(files.at(-1)?.text).toContain('sync batch 39 done');
    expect(files.map((file) => file.text).join('')).not.toContain('sync batch 0 done');
  });

  it('scrubs phone and ID numbers from messages and sensitive fields', async () => {
    const logger = createRotatingLogger({ directory });
    logger.log('warn', 'visitor 13877261234 left no id 45130219850312402X', { visitorName: '韦秀兰', count: 2 });

    const text = await readFile(path.join(directory, 'app.log'), 'utf8');
    expect(text).not.toMatch(/13877261234|45130219850312402X|韦秀兰/);
    expect(text).toContain('"count":2');
  });
});
