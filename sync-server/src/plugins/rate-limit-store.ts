// The rate limit's counters in the Store (@fastify/rate-limit custom store), so that every server instance on one
// database counts the same enrolment and login attempts.
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { AccessStore } from '../store/access-store';

type RouteOptions = FastifyRateLimitOptions & { routeInfo?: { method?: string | string[]; url?: string } };

/** A store class for @fastify/rate-limit whose counters live in `store`, one counter per route and client key. */
export function storeRateLimit(store: Pick<AccessStore, 'hitRateLimit'>): FastifyRateLimitStoreCtor {
  return class StoreRateLimit implements FastifyRateLimitStore {
    private readonly route: string;

    constructor(options: RouteOptions) {
      const method = options.routeInfo?.method;
      this.route = `${Array.isArray(method) ? method.join(',') : (method ?? '')} ${options.routeInfo?.url ?? ''}`;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const now = Date.now();
      store.hitRateLimit(`${this.route}|${key}`, timeWindow, now).then(
        (hit) => callback(null, { current: hit.hits, ttl: Math.max(0, hit.resetAt - now) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: RouteOptions): FastifyRateLimitStore {
      return new StoreRateLimit(routeOptions);
    }
  };
}
