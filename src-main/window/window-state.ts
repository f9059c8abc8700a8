// Remembers the main window's size and position in <userData>/window-state.json, and keeps it on a visible screen.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-file';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent on first run: the window is centred. */
  bounds?: Rectangle;
  maximized: boolean;
}

export const defaultSize = { width: 1280, height: 800 };
export const minimumSize = { width: 1024, height: 640 };

export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<WindowState>;
    const bounds = value.bounds;
    const valid =
      bounds !== undefined &&
      [bounds.x, bounds.y, bounds.width, bounds.height].every((n) => typeof n === 'number' && Number.isFinite(n));
    return { maximized: value.maximized === true, ...(valid ? { bounds } : {}) };
  } catch {
    // Missing or damaged: start with defaults rather than fail.
    return { maximized: false };
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(state));
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Bounds to open with, given the screens' work areas now. A window left on a monitor that is gone is moved
 * to the primary screen (the first work area); a window larger than its screen is shrunk to fit.
 */
export function placeWindow(saved: Rectangle | undefined, workAreas: readonly Rectangle[]): Rectangle {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...defaultSize };
  const centreIn = (area: Rectangle, size: { width: number; height: number }): Rectangle => {
    const width = Math.min(Math.max(size.width, Math.min(minimumSize.width, area.width)), area.width);
    const height = Math.min(Math.max(size.height, Math.min(minimumSize.height, area.height)), area.height);
    return {
      width,
      height,
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
    };
  };
  if (!saved) return centreIn(primary, defaultSize);

  let best: Rectangle | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const shared = overlap(saved, area);
    if (shared > bestOverlap) {
      bestOverlap = shared;
      best = area;
    }
  }
  // Less than a sliver visible (or none): treat as off-screen.
  const visibleEnough = best !== undefined && bestOverlap >= Math.min(saved.width * saved.height * 0.25, 200 * 100);
  if (!best || !visibleEnough) return centreIn(primary, saved);

  const width = Math.min(saved.width, best.width);
  const height = Math.min(saved.height, best.height);
  const x = Math.min(Math.max(saved.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.y, best.y), best.y + best.height - height);
  return { x, y, width, height };
}

/** Synchronous save for the window's `close` event: the process may exit before an async write finishes. */
export function saveWindowStateSync(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}
