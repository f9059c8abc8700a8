// The window opens where the clerk left it, and never off-screen when a monitor was unplugged.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSize, loadWindowState, placeWindow, saveWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const secondMonitor = { x: 1366, y: 0, width: 1920, height: 1040 };

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ls-window-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('window state file', () => {
  it('is saved and loaded', async () => {
    const file = path.join(directory, 'window-state.json');
    await saveWindowState(file, { bounds: { x: 10, y: 20, width: 1100, height: 700 }, maximized: true });
    expect(await loadWindowState(file)).toEqual({
      bounds: { x: 10, y: 20, width: 1100, height: 700 },
      maximized: true,
    });
  });

  it('falls back to defaults when missing or damaged', async () => {
    const file = path.join(directory, 'window-state.json');
    expect(await loadWindowState(file)).toEqual({ maximized: false });
    await writeFile(file, '{"bounds":{"x":"left"}');
    expect(await loadWindowState(file)).toEqual({ maximized: false });
  });
});

describe('placing the window', () => {
  it('centres the default size on first run', () => {
    const placed = placeWindow(undefined, [secondMonitor]);
    expect(placed).toEqual({
      width: defaultSize.width,
      height: defaultSize.height,
      x: secondMonitor.x + (secondMonitor.width - defaultSize.width) / 2,
      y: (secondMonitor.height - defaultSize.height) / 2,
    });
  });

  it('keeps a window that is fully visible', () => {
    const saved = { x: 1500, y: 100, width: 1200, height: 800 };
    expect(placeWindow(saved, [laptop, secondMonitor])).toEqual(saved);
  });

  it('moves a window from an unplugged monitor back to the primary screen', () => {
    const placed = placeWindow({ x: 1500, y: 100, width: 1200, height: 800 }, [laptop]);
    expect(placed.x).toBeGreaterThanOrEqual(0);
    expect(placed.y).toBeGreaterThanOrEqual(0);
    expect(placed.x + placed.width).toBeLessThanOrEqual(laptop.width);
    expect(placed.y + placed.height).toBeLessThanOrEqual(laptop.height);
  });

  it('pulls a half-visible window fully onto its screen and shrinks it to fit', () => {
    const placed = placeWindow({ x: -300, y: 400, width: 2000, height: 900 }, [laptop]);
    expect(placed).toEqual({ x: 0, y: 0, width: laptop.width, height: laptop.height });
  });
});
