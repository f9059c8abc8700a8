// What every route plugin receives: the configuration, the store and the clock.
import type { ServerConfig } from './config';
import type { Store } from './store/store';

export interface ServerContext {
  config: ServerConfig;
  store: Store;
  now: () => Date;
}
