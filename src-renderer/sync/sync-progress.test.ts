// The progress of a run: counts only, the total once the server has said what remains to pull.
import { describe, expect, it } from 'vitest';
import { SyncRun } from './sync-progress';

describe('a sync run', () => {
  it('counts documents moved, and knows the total once a pull has said what remains', () => {
    const run = new SyncRun(10);
    run.pushed(4);
    expect(run.progress()).toEqual({ done: 4, total: null });
    run.pulled('opinions', 250, 350);
    run.pulled('receptionDays', 20, 0);
    // 274 done; 350 still to pull, 6 still to push.
    expect(run.progress()).toEqual({ done: 274, total: 630 });
    run.pulled('opinions', 250, 100);
    expect(run.progress()).toEqual({ done: 524, total: 630 });
    expect(run.moved).toBe(524);
  });
});
