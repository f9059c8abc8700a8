// Reference data pulled from the server (stations, representatives, departments): read-only queries for forms.
import type { RxCollection, RxDocument } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { Department } from '../../../src-shared/department/department';
import type { Representative, RepresentativeLevel } from '../../../src-shared/representative/representative';
import type { Station } from '../../../src-shared/station/station';
import type { LiaisonDatabase } from '../database';
import { plain } from './record-repository';

export interface RepresentativeFilter {
  stationId?: string;
  level?: RepresentativeLevel;
  /** Only those still serving (default true). */
  activeOnly?: boolean;
}

function list$<T>(collection: RxCollection<T>, query: Parameters<RxCollection<T>['find']>[0]): Observable<T[]> {
  return collection.find(query).$.pipe(map((docs) => docs.map((d) => plain(d as RxDocument<T>))));
}

function one$<T>(collection: RxCollection<T>, id: string): Observable<T | null> {
  return collection.findOne(id).$.pipe(map((doc) => (doc ? plain(doc as RxDocument<T>) : null)));
}

/** Stations, representatives and departments; written only by sync (server → station). */
export class ReferenceRepository {
  constructor(private readonly db: LiaisonDatabase) {}

  stations$(): Observable<Station[]> {
    return list$(this.db.stations, { selector: {}, sort: [{ name: 'asc' }] });
  }

  station$(id: string): Observable<Station | null> {
    return one$(this.db.stations, id);
  }

  async station(id: string): Promise<Station | null> {
    const doc = await this.db.stations.findOne(id).exec();
    return doc ? plain(doc) : null;
  }

  /** Representatives in Chinese (pinyin) name order, optionally of one station. */
  representatives$(filter: RepresentativeFilter = {}): Observable<Representative[]> {
    const selector: Record<string, unknown> = {};
    if (filter.stationId) selector.stationId = { $eq: filter.stationId };
    if (filter.level) selector.level = { $eq: filter.level };
    if (filter.activeOnly ?? true) selector.active = { $eq: true };
    return list$(this.db.representatives, { selector }).pipe(
      map((reps) => [...reps].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))),
    );
  }

  representative$(id: string): Observable<Representative | null> {
    return one$(this.db.representatives, id);
  }

  departments$(activeOnly = true): Observable<Department[]> {
    return list$(this.db.departments, {
      selector: activeOnly ? { active: { $eq: true } } : {},
      sort: [{ name: 'asc' }],
    });
  }

  department$(id: string): Observable<Department | null> {
    return one$(this.db.departments, id);
  }
}
