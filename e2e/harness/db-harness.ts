// Test harness page: exposes the local database, the browser host and photo downscaling to Playwright as window.harness.
/// <reference types="vite/client" />

import type { LiaisonDatabase } from '../../src-renderer/db/database';
import { setLocalSetting } from '../../src-renderer/db/local-settings';
import { downscaleImage } from '../../src-renderer/db/photos/downscale-image';
import { OpinionRepository } from '../../src-renderer/db/repositories/opinion-repository';
import { PhotoRepository } from '../../src-renderer/db/repositories/photo-repository';
import { isRecordValidationError } from '../../src-renderer/db/repositories/record-errors';
import { type StartedDatabase, startLocalDatabase } from '../../src-renderer/db/start-database';
import { getHost } from '../../src-renderer/platform/host';
import { isDomainError } from '../../src-shared/common/domain-error';
import {
  makeActor,
  makeOpinion,
  makeStation,
  TEST_COUNTY_ID,
  TEST_STATION_ID,
} from '../../src-shared/testing/factories';
import { validateDocument } from '../../src-shared/validation/validate';

const dbName = 'liaison-harness';
let started: StartedDatabase | undefined;
const clerk = makeActor('station');

function db(): LiaisonDatabase {
  if (!started) throw new Error('harness: call open() first');
  return started.db;
}

function errorInfo(error: unknown): { code: string; message: string; fields: string[] } {
  if (isRecordValidationError(error))
    return { code: error.code, message: error.message, fields: error.errors.map((e) => e.field) };
  if (isDomainError(error))
    return { code: error.code, message: error.message, fields: error.field ? [error.field] : [] };
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error), fields: [] };
}

function opinionInput(title: string, visitorName: string) {
  const {
    id: _i,
    createdAt: _c,
    updatedAt: _u,
    history: _h,
    status: _s,
    stationId: _st,
    countyId: _co,
    ...rest
  } = makeOpinion({ title, visitor: { name: visitorName, phone: '13877776666', idNumber: '450101199001011234' } });
  return rest;
}

const harness = {
  /** Starts the database as the app does (key from the browser host, auto-restore, snapshotter). */
  async open(snapshotterDebounceMs = 10_000) {
    started = await startLocalDatabase({
      host: getHost(),
      name: dbName,
      snapshotter: { debounceMs: snapshotterDebounceMs, maxWaitMs: 30_000 },
    });
    return { restored: started.restored, recovered: started.recoveredFrom !== null };
  },
  async close() {
    started?.snapshotter.stop();
    await started?.db.close();
    started = undefined;
  },
  async enrol() {
    await setLocalSetting(db(), 'station-identity', { stationId: TEST_STATION_ID, countyId: TEST_COUNTY_ID });
    await db().stations.upsert(makeStation());
  },
  async createOpinions(count: number, visitorName: string) {
    const repo = new OpinionRepository(db());
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await repo.create(opinionInput(`意见${i + 1}`, visitorName), clerk)).id);
    return ids;
  },
  /** Starts writing `batches` × `batchSize` opinions and does not wait (the test closes the page meanwhile). */
  startBulkWrite(batches: number, batchSize: number) {
    void (async () => {
      for (let b = 0; b < batches; b++) {
        const docs = Array.from({ length: batchSize }, (_, i) =>
          makeOpinion({ title: `批量${b}-${i}`, content: '内容'.repeat(400), visitor: { name: '批量群众' } }),
        );
        await db().opinions.bulkInsert(docs);
        (window as unknown as { bulkBatchesDone: number }).bulkBatchesDone = b + 1;
      }
    })();
  },
  async opinionTitles() {
    return (
      await db()
        .opinions.find({ sort: [{ id: 'asc' }] })
        .exec()
    ).map((d) => d.title);
  },
  /** Every stored opinion, decrypted and checked against the shared schema. */
  async checkStoredOpinions() {
    const docs = await db().opinions.find().exec();
    const invalid = docs.filter((d) => !validateDocument('opinions', d.toMutableJSON()).valid).map((d) => d.id);
    return { count: docs.length, invalid };
  },
  async tryCreateInvalidOpinion() {
    const repo = new OpinionRepository(db());
    const input = { ...opinionInput('', '张三'), visitor: { name: '张三', phone: '不是电话' } };
    try {
      await repo.create(input, clerk);
      return null;
    } catch (error) {
      return errorInfo(error);
    }
  },
  async tryInsertInvalidDirectly() {
    try {
      await db().opinions.insert(makeOpinion({ category: 'notACategory' as never }));
      return null;
    } catch (error) {
      return errorInfo(error);
    }
  },
  async countOpinions() {
    return db().opinions.count().exec();
  },
  /** All values in every IndexedDB database of this origin, as one string (what a disk reader would find). */
  async rawIndexedDbContents() {
    const chunks: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(idb.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = idb.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        chunks.push({ db: info.name, store, rows });
      }
      idb.close();
    }
    return JSON.stringify(chunks);
  },
  /** Deletes every IndexedDB database of this origin, as a lost Chromium profile would (call before open()). */
  async deleteAllIndexedDb() {
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n): n is string => !!n);
    for (const name of names) {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error(`delete of ${name} blocked`));
      });
    }
    return names;
  },
  async listBackups() {
    return getHost().listBackups();
  },
  async flushBackup() {
    await started?.snapshotter.flush();
  },
  /** Draws a 4000×3000 test picture, downscales it like a photo upload and stores it on a new opinion. */
  async downscaleTestPicture() {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    const gradient = context.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, '#c00');
    gradient.addColorStop(1, '#06c');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4000, 3000);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('no png');
    const image = await downscaleImage(png);
    const [ownerId] = await harness.createOpinions(1, '照片群众');
    const photo = await new PhotoRepository(db()).add({ collection: 'opinions', id: ownerId ?? '' }, image, clerk);
    // Decode the stored JPEG again to prove it is a real image of that size.
    const bytes = Uint8Array.from(atob(photo.dataBase64), (c) => c.charCodeAt(0));
    const decoded = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    return {
      original: { width: 4000, height: 3000, bytes: png.size },
      stored: { width: photo.width, height: photo.height, bytes: bytes.length },
      decoded: { width: decoded.width, height: decoded.height },
      jpegMagic: Array.from(bytes.slice(0, 3)),
    };
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}

window.harness = harness;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
