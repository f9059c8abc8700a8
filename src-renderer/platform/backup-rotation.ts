// Which backup files to keep: the newest state plus one snapshot per day for the last 30 days.
export const dailyBackupsKept = 30;
export const latestBackupName = 'latest.lsbak';

/** `daily-2026-03-01.lsbak`: one file per local calendar day, overwritten during that day. */
export function dailyBackupName(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `daily-${y}-${m}-${d}.lsbak`;
}

export function isDailyBackupName(name: string): boolean {
  return /^daily-\d{4}-\d{2}-\d{2}\.lsbak$/.test(name);
}

/** The daily files to delete so that only the newest `keep` remain (names sort by date). */
export function dailyBackupsToPrune(names: readonly string[], keep = dailyBackupsKept): string[] {
  const dailies = names.filter(isDailyBackupName).sort();
  return dailies.slice(0, Math.max(0, dailies.length - keep));
}

/** The backup id used by listBackups/readBackup: the file name without extension. */
export function backupIdOf(fileName: string): string {
  return fileName.replace(/\.lsbak$/, '');
}
