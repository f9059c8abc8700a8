// The Store conformance suites against the SQLite store, on real files in temporary folders.
import { openTestStore } from '../testing/test-stores';
import { describeStoreConformance } from './store-conformance';

describeStoreConformance('SqliteStore', () => openTestStore('sqlite'));
