// Log file of the desktop app in <userData>/logs: JSON lines, personal data scrubbed, rotated by size.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LogLevel } from '../../src-shared/host/host-api';
import { scrubText, scrubValue } from '../diagnostics/scrub';

export interface RotatingLoggerOptions {
  directory: string;
  /** Rotate when the current file would exceed this size. */
  maxBytes?: number;
  /** Files kept: app.log plus app.1.log … app.(N-1).log. */
  maxFiles?: number;
  now?: () => Date;
  /** Also echo to the console (development). */
  echo?: boolean;
}

export interface LogFile {
  name: string;
  text: string;
}

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  /** The log files, oldest first (for the diagnostics bundle). */
  readFiles(): LogFile[];
}

export const logFileName = 'app.log';
const maxMessageLength = 2000;

export function createRotatingLogger(options: RotatingLoggerOptions): Logger {
  const { directory } = options;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const maxFiles = Math.max(1, options.maxFiles ?? 5);
  const now = options.now ?? (() => new Date());
  const current = path.join(directory, logFileName);
  const rotated = (index: number) => path.join(directory, `app.${index}.log`);

  function sizeOf(file: string): number {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  }

  function rotate(): void {
    rmSync(rotated(maxFiles - 1), { force: true });
    for (let index = maxFiles - 2; index >= 1; index--) {
      if (sizeOf(rotated(index)) > 0) renameSync(rotated(index), rotated(index + 1));
    }
    if (maxFiles > 1) renameSync(current, rotated(1));
    else rmSync(current, { force: true });
  }

  return {
    log(level, message, fields) {
      const entry: Record<string, unknown> = {
        at: now().toISOString(),
        level,
        message: scrubText(message).slice(0, maxMessageLength),
      };
      if (fields && Object.keys(fields).length > 0) entry.fields = scrubValue(fields);
      const line = `${JSON.stringify(entry)}\n`;
      try {
        mkdirSync(directory, { recursive: true });
        const size = sizeOf(current);
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
        appendFileSync(current, line, { encoding: 'utf8', mode: 0o600 });
      } catch {
        // Logging must never take the app down (a full disk, a locked file).
      }
      if (options.echo) console.log(line.trimEnd());
    },
    readFiles() {
      let names: string[] = [];
      try {
        names = readdirSync(directory).filter((name) => /^app(\.\d+)?\.log$/.test(name));
      } catch {
        return [];
      }
      const order = (name: string) => Number(/^app\.(\d+)\.log$/.exec(name)?.[1] ?? 0);
      return names
        .sort((a, b) => order(b) - order(a))
        .map((name) => ({ name, text: readFileSync(path.join(directory, name), 'utf8') }));
    },
  };
}
