// The places part on SQL, for both databases: counties and townships.
import type { County, PlaceStore, Township } from '../place-store';
import type { SqlDatabase, SqlSession } from './sql-database';

/** Writes townships inside a caller's transaction (a station import writes its new townships with the stations). */
export async function writeTownships(tx: SqlSession, townships: readonly Township[]): Promise<void> {
  for (const t of townships) {
    await tx.run(
      `INSERT INTO townships (id, county_id, name) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET county_id = excluded.county_id, name = excluded.name`,
      [t.id, t.countyId, t.name],
    );
  }
}

export class SqlPlaces implements PlaceStore {
  constructor(private readonly db: SqlDatabase) {}

  async upsertCounties(counties: readonly County[]): Promise<void> {
    await this.db.transaction('write', async (tx) => {
      for (const c of counties) {
        await tx.run(
          'INSERT INTO counties (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
          [c.id, c.name],
        );
      }
    });
  }

  listCounties(): Promise<County[]> {
    return this.db.all<County>('SELECT id, name FROM counties ORDER BY id');
  }

  async getCounty(id: string): Promise<County | null> {
    return (await this.db.get<County>('SELECT id, name FROM counties WHERE id = ?', [id])) ?? null;
  }

  async upsertTownships(townships: readonly Township[]): Promise<void> {
    await this.db.transaction('write', (tx) => writeTownships(tx, townships));
  }

  listTownships(countyId?: string): Promise<Township[]> {
    const sql = 'SELECT id, county_id AS "countyId", name FROM townships';
    return countyId === undefined
      ? this.db.all<Township>(`${sql} ORDER BY county_id, id`)
      : this.db.all<Township>(`${sql} WHERE county_id = ? ORDER BY id`, [countyId]);
  }
}
