// React hooks that subscribe to RxDB observables, so pages render document data straight from the database.
import { type DependencyList, useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

export interface RxResult<T> {
  /** undefined until the first emission. */
  value: T | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * Subscribes to the observable the factory returns; re-subscribes when `deps` change.
 * Example: `useRxQueryResult(() => opinions.list$({ status: 'recorded' }), [opinions])`.
 */
export function useRxQueryResult<T>(factory: () => Observable<T>, deps: DependencyList): RxResult<T> {
  const [state, setState] = useState<RxResult<T>>({ value: undefined, loading: true, error: undefined });
  useEffect(() => {
    setState((previous) => ({ value: previous.value, loading: true, error: undefined }));
    const subscription = factory().subscribe({
      next: (value) => setState({ value, loading: false, error: undefined }),
      error: (error: unknown) => setState({ value: undefined, loading: false, error }),
    });
    return () => subscription.unsubscribe();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the factory's dependencies, as with useMemo.
  }, deps);
  return state;
}

/** One document (or null when it does not exist / was deleted), kept current. */
export function useRxDocument<T>(factory: () => Observable<T | null>, deps: DependencyList): RxResult<T | null> {
  return useRxQueryResult(factory, deps);
}
