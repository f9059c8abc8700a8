// The local database: opens and reopens, refuses invalid documents, encrypts personal fields, migrates opinions v0 → v1.
import { IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpinionV0, opinionSchemaV0, receivedAtDescOf } from '../../src-shared/opinion/opinion';
import { makeOpinion } from '../../src-shared/testing/factories';
import { validateDocument } from '../../src-shared/validation/validate';
import { type LiaisonDatabase, liaisonStorage, openLiaisonDatabase } from './database';
import { getLocalSetting, setLocalSetting } from './local-settings';
import { openTestDatabase, rawIndexedDbContents, TEST_DB_KEY } from './testing/test-database';

const opened: LiaisonDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => (db.closed ? undefined : db.close())));
});

describe('the local database', () => {
  it('opens with the eight shared collections and keeps data across a reopen', async () => {
    const t = await openTestDatabase();
    expect(Object.keys(t.db.collections).sort()).toEqual([
      'activities',
      'departments',
      'mediationCases',
      'opinions',
      'photos',
      'receptionDays',
      'representatives',
      'stations',
    ]);
    const opinion = makeOpinion();
    await t.db.opinions.insert(opinion);
    await setLocalSetting(t.db, 'sync-state', { lastPushedAt: '2026-03-01T00:00:00.000Z' });
    await t.db.close();

    const reopened = await t.reopen();
    opened.push(reopened);
    const stored = await reopened.opinions.findOne(opinion.id).exec();
    expect(stored?.toMutableJSON()).toEqual(opinion);
    expect(await getLocalSetting(reopened, 'sync-state')).toEqual({ lastPushedAt: '2026-03-01T00:00:00.000Z' });
  });

  it('refuses a document that breaks the schema and stores nothing', async () => {
    const t = await openTestDatabase();
    opened.push(t.db);
    const bad = makeOpinion({ visitor: { name: '张三', phone: 'not-a-phone!' } });
    await expect(t.db.opinions.insert(bad)).rejects.toThrow();
    expect(await t.db.opinions.count().exec()).toBe(0);
  });

  it('never writes visitors’ or parties’ personal data to IndexedDB in plain text', async () => {
    const t = await openTestDatabase();
    opened.push(t.db);
    await t.db.opinions.insert(
      makeOpinion({ visitor: { name: '覃秀英', phone: '13877776666', idNumber: '450101199001011234' } }),
    );
    const raw = await rawIndexedDbContents(t.indexedDB);
    expect(raw).toContain('村道破损需修复'); // the record itself is there …
    expect(raw).not.toContain('覃秀英'); // … but not the visitor
    expect(raw).not.toContain('13877776666');
    expect(raw).not.toContain('450101199001011234');
    // Reading through the database decrypts it again.
    const [stored] = await t.db.opinions.find().exec();
    expect(stored?.visitor.name).toBe('覃秀英');
  });

  it('refuses to open with another key', async () => {
    const t = await openTestDatabase();
    await t.db.close();
    await expect(
      openLiaisonDatabase({
        name: t.name,
        encryptionKey: 'a-different-key-123',
        indexedDB: t.indexedDB,
        IDBKeyRange,
        multiInstance: false,
      }),
    ).rejects.toMatchObject({ code: 'database_open_failed' });
  });

  it('migrates opinions stored by version 0 (flat visitor fields) when version 1 opens them', async () => {
    addRxPlugin(RxDBMigrationSchemaPlugin);
    const t = await openTestDatabase({ enrolled: false });
    await t.db.close();
    await t.db.remove();
    // Version 0 of the app: the same storage stack, the opinion schema before the visitor object existed.
    const v0 = await createRxDatabase<{ opinions: RxCollection<OpinionV0> }>({
      name: t.name,
      storage: liaisonStorage({ indexedDB: t.indexedDB, IDBKeyRange }),
      password: TEST_DB_KEY,
      multiInstance: false,
    });
    await v0.addCollections({ opinions: { schema: opinionSchemaV0 as unknown as RxJsonSchema<OpinionV0> } });
    const { visitor: _visitor, receivedAtDesc: _key, ...rest } = makeOpinion({ status: 'submitted' });
    const fixtures: OpinionV0[] = [
      { ...rest, visitorName: '蓝桂芳', visitorPhone: '13900001111' },
      { ...makeOpinionV0Rest(), visitorName: '黄志强' },
    ];
    await v0.opinions.bulkInsert(fixtures);
    await v0.close();

    const v1 = await t.reopen();
    opened.push(v1);
    const migrated = (await v1.opinions.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toMutableJSON());
    expect(migrated).toHaveLength(2);
    const byName = Object.fromEntries(migrated.map((o) => [o.visitor.name, o]));
    expect(byName.蓝桂芳?.visitor).toEqual({ name: '蓝桂芳', phone: '13900001111' });
    expect(byName.蓝桂芳?.status).toBe('submitted');
    expect(byName.黄志强?.visitor).toEqual({ name: '黄志强' });
    for (const o of migrated) {
      expect(o).not.toHaveProperty('visitorName');
      // …and on to version 2: the newest-first sort key follows receivedAt.
      expect(o.receivedAtDesc).toBe(receivedAtDescOf(o.receivedAt));
      expect(validateDocument('opinions', o).valid).toBe(true);
    }
    // Still encrypted after the migration.
    expect(await rawIndexedDbContents(t.indexedDB)).not.toContain('蓝桂芳');
  });
});

function makeOpinionV0Rest(): Omit<OpinionV0, 'visitorName' | 'visitorPhone'> {
  const { visitor: _visitor, receivedAtDesc: _key, ...rest } = makeOpinion({ title: '路灯不亮' });
  return rest;
}
