// The local database in real Chromium: survives reloads, crashes mid-write and the loss of IndexedDB; refuses
// invalid data; keeps personal data unreadable on disk; downscales photos.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const harnessDist = join(root, 'dist', 'e2e-harness');
const harnessUrl = '/__harness/db-harness.html';

/** Newest modification time under a folder (sources of the harness). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

test.beforeAll(() => {
  const built = join(harnessDist, 'db-harness.html');
  const sources = Math.max(
    newestMtime(join(root, 'e2e', 'harness')),
    newestMtime(join(root, 'src-renderer', 'db')),
    newestMtime(join(root, 'src-renderer', 'platform')),
    newestMtime(join(root, 'src-shared')),
  );
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  rmSync(harnessDist, { recursive: true, force: true });
  mkdirSync(harnessDist, { recursive: true });
  execFileSync('npx', ['vite', 'build', '--config', 'e2e/harness/vite.config.ts'], { cwd: root, stdio: 'inherit' });
});

/** Serves the harness build at the app's origin, so it shares IndexedDB, OPFS and localStorage rules with the app. */
async function openHarness(page: Page): Promise<void> {
  await page.route('**/__harness/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/__harness\//, '');
    const file = normalize(join(harnessDist, path));
    if (relative(harnessDist, file).startsWith('..') || !existsSync(file)) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({ path: file });
  });
  await page.goto(harnessUrl);
  await expect(page.locator('#status')).toHaveText('ready');
}

test.describe('local database in Chromium', () => {
  test('records survive a reload of the page', async ({ page }) => {
    await openHarness(page);
    await page.evaluate(async () => {
      await window.harness.open();
      await window.harness.enrol();
      await window.harness.createOpinions(3, '韦春燕');
      await window.harness.close();
    });
    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const titles = await page.evaluate(async () => {
      await window.harness.open();
      return window.harness.opinionTitles();
    });
    expect(titles).toEqual(['意见1', '意见2', '意见3']);
  });

  test('a page closed in the middle of a bulk write leaves no half-written record', async ({ context }) => {
    const page = await context.newPage();
    await openHarness(page);
    await page.evaluate(async () => {
      await window.harness.open();
      await window.harness.enrol();
      window.harness.startBulkWrite(60, 100);
    });
    await page.waitForFunction(() => ((window as unknown as { bulkBatchesDone?: number }).bulkBatchesDone ?? 0) >= 2);
    await page.close({ runBeforeUnload: false });

    const again = await context.newPage();
    await openHarness(again);
    const result = await again.evaluate(async () => {
      await window.harness.open();
      return window.harness.checkStoredOpinions();
    });
    expect(result.invalid).toEqual([]);
    expect(result.count).toBeGreaterThanOrEqual(200);
    expect(result.count).toBeLessThan(6000); // the page really was closed mid-way
    expect(result.count % 100).toBe(0); // each batch is one IndexedDB transaction: all of it or none of it
  });

  test('invalid data is refused with a specific error and nothing is stored', async ({ page }) => {
    await openHarness(page);
    const outcome = await page.evaluate(async () => {
      await window.harness.open();
      await window.harness.enrol();
      const viaRepository = await window.harness.tryCreateInvalidOpinion();
      const direct = await window.harness.tryInsertInvalidDirectly();
      return { viaRepository, direct, count: await window.harness.countOpinions() };
    });
    expect(outcome.viaRepository?.code).toBe('validation_failed');
    expect(outcome.viaRepository?.fields).toEqual(expect.arrayContaining(['title', 'visitor.phone']));
    expect(outcome.viaRepository?.message).toMatch(/请填写“标题”|联系电话/);
    // Even a write that skips the repository is stopped by the schema check in the storage.
    expect(outcome.direct).not.toBeNull();
    expect(outcome.count).toBe(0);
  });

  test('personal fields are not readable in the raw IndexedDB contents', async ({ page }) => {
    await openHarness(page);
    const raw = await page.evaluate(async () => {
      await window.harness.open();
      await window.harness.enrol();
      await window.harness.createOpinions(2, '覃秀英');
      return window.harness.rawIndexedDbContents();
    });
    expect(raw).toContain('意见1');
    expect(raw).not.toContain('覃秀英');
    expect(raw).not.toContain('13877776666');
    expect(raw).not.toContain('450101199001011234');
  });

  test('a large photo is downscaled to at most 1600 px JPEG before it is stored', async ({ page }) => {
    await openHarness(page);
    const result = await page.evaluate(async () => {
      await window.harness.open();
      await window.harness.enrol();
      return window.harness.downscaleTestPicture();
    });
    expect(result.stored).toMatchObject({ width: 1600, height: 1200 });
    expect(result.decoded).toEqual({ width: 1600, height: 1200 });
    expect(result.jpegMagic).toEqual([0xff, 0xd8, 0xff]);
    expect(result.stored.bytes).toBeLessThan(2_000_000);
  });

  test('after IndexedDB is lost, the app restores its records from the backup by itself', async ({ page }) => {
    await openHarness(page);
    await page.evaluate(async () => {
      await window.harness.open();
      await window.harness.enrol();
      await window.harness.createOpinions(5, '蓝桂芳');
    });
    // The snapshotter writes on its own within a minute (10 s after the last change).
    await expect
      .poll(() => page.evaluate(() => window.harness.listBackups().then((list) => list.map((b) => b.kind))), {
        timeout: 40_000,
        intervals: [1_000],
      })
      .toContain('latest');
    await page.evaluate(() => window.harness.close());

    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const after = await page.evaluate(async () => {
      const deleted = await window.harness.deleteAllIndexedDb();
      const opened = await window.harness.open();
      return {
        deleted,
        opened,
        titles: await window.harness.opinionTitles(),
        more: await window.harness.createOpinions(1, '新群众'),
      };
    });
    expect(after.deleted.some((name) => name.includes('liaison-harness'))).toBe(true);
    expect(after.opened.restored?.restored.opinions).toBe(5);
    expect(after.titles).toEqual(['意见1', '意见2', '意见3', '意见4', '意见5']);
    // The station's enrolment came back too: new records can be created without enrolling again.
    expect(after.more).toHaveLength(1);
  });
});
