// The size arithmetic of photo downscaling (the canvas part runs in Chromium: e2e/local-database.spec.ts).
import { describe, expect, it } from 'vitest';
import { fitWithin } from './downscale-image';

describe('fitWithin', () => {
  it('shrinks the long side to 1600 px and keeps the aspect ratio', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('keeps at least one pixel on a very thin image', () => {
    expect(fitWithin(10000, 2)).toEqual({ width: 1600, height: 1 });
  });
});
