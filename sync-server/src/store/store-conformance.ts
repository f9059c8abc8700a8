// The Store conformance suites, one per part, registered together for one implementation (see *-store.test.ts).
import type { OpenedStore } from '../testing/test-stores';
import { describeAccessStoreConformance } from './access-store-conformance';
import { describeDocumentStoreConformance } from './document-store-conformance';
import { describePlaceStoreConformance } from './place-store-conformance';
import { describeReportStoreConformance } from './report-store-conformance';
import { describeStatusStoreConformance } from './status-store-conformance';
import type { Store } from './store';

export function describeStoreConformance(name: string, open: () => Promise<OpenedStore<Store>>): void {
  describeDocumentStoreConformance(name, open);
  describePlaceStoreConformance(name, open);
  describeAccessStoreConformance(name, open);
  describeStatusStoreConformance(name, open);
  describeReportStoreConformance(name, open);
}
