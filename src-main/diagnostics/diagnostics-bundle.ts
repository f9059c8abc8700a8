// The support bundle behind 帮助 → 导出诊断信息: facts about the app, its logs and backups, without personal data.
import type { BackupInfo } from '../../src-shared/host/host-api';
import type { LogFile } from '../logging/rotating-logger';
import { scrubText, scrubValue } from './scrub';

export interface DiagnosticsFacts {
  appVersion: string;
  electronVersion?: string;
  chromeVersion?: string;
  nodeVersion: string;
  platform: string;
  osRelease: string;
  arch: string;
  locale?: string;
  totalMemoryMb: number;
  freeMemoryMb: number;
  /** Whether a provisioning file exists, and the sync server it names (an address, not personal data). */
  provisioning: { present: boolean; serverUrl?: string; error?: string };
  safeStorageBackend?: string;
}

export interface DiagnosticsInput {
  facts: DiagnosticsFacts;
  logs: LogFile[];
  backups: BackupInfo[];
  rendererReport: Record<string, unknown>;
  now: Date;
}

export const diagnosticsFormat = 'liaison-station-diagnostics';

export function buildDiagnosticsBundle(input: DiagnosticsInput): Record<string, unknown> {
  return {
    format: diagnosticsFormat,
    formatVersion: 1,
    createdAt: input.now.toISOString(),
    facts: scrubValue(input.facts),
    backups: input.backups.map(({ id, kind, createdAt, sizeBytes }) => ({ id, kind, createdAt, sizeBytes })),
    renderer: scrubValue(input.rendererReport),
    // Each line is scrubbed again: older lines may predate a scrubbing rule.
    logs: input.logs.map((file) => ({ name: file.name, lines: file.text.split('\n').filter(Boolean).map(scrubLine) })),
  };
}

function scrubLine(line: string): unknown {
  try {
    return scrubValue(JSON.parse(line));
  } catch {
    return scrubText(line);
  }
}

/** A file name such as 联络站诊断信息-20260302-0915.json (local time). */
export function diagnosticsFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `联络站诊断信息-${stamp}.json`;
}
