// The Store's parts on one SQL database: the same implementations for SQLite and PostgreSQL, with the backend's
// way of ordering document writers.
import type { StoreParts } from '../store';
import { SqlAccess } from './sql-access';
import type { SqlDatabase } from './sql-database';
import { type DocumentSequencer, SqlDocuments } from './sql-documents';
import { SqlPlaces } from './sql-places';
import { SqlReports } from './sql-reports';
import { SqlStatus } from './sql-status';

export function sqlStoreParts(db: SqlDatabase, sequencer: DocumentSequencer): StoreParts & { documents: SqlDocuments } {
  return {
    documents: new SqlDocuments(db, sequencer),
    places: new SqlPlaces(db),
    access: new SqlAccess(db),
    status: new SqlStatus(db),
    reports: new SqlReports(db),
  };
}
