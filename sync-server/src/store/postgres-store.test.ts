// The Store conformance suites against the PostgreSQL store, each test on a new database of the run's cluster.
import { openTestStore } from '../testing/test-stores';
import { describeStoreConformance } from './store-conformance';

describeStoreConformance('PostgresStore', () => openTestStore('postgres'));
