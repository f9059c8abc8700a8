// Restores an exported .lsdata file into an app without station records: from 设置, or from first run on a new PC.
import { DomainError } from '../../../src-shared/common/domain-error';
import type { HostApi } from '../../../src-shared/host/host-api';
import type { LiaisonDatabase } from '../database';
import { getLocalSetting, type StationIdentity, setLocalSetting } from '../local-settings';
import { completeStationIdentity, portableIdentity } from '../station-identity';
import { parseStationData, type RestoreSummary, restoreStationData } from './station-data-file';

export interface RestoreExportedFileMessages {
  /** The refusal when an enrolled PC is given another station's file (the clerk's language). */
  otherStation: (station: string, current: string) => string;
}

const defaultMessages: RestoreExportedFileMessages = {
  otherStation: (station, current) =>
    `该文件属于另一个联络站（${station}），本机已注册为“${current}”，不能导入。请在该联络站的电脑上恢复。`,
};

/**
 * The file is checked completely first (a foreign or damaged file is refused and nothing changes), then restored.
 * - First run (no station yet): the station comes back from the file's identity; the app asks only the clerk's name.
 * - A training installation adopts the file's station (its demo reference data goes).
 * - An enrolled installation accepts only its own station's file.
 */
export async function restoreExportedFile(
  db: LiaisonDatabase,
  host: HostApi,
  bytes: Uint8Array | string,
  messages: RestoreExportedFileMessages = defaultMessages,
): Promise<RestoreSummary> {
  const file = await parseStationData(bytes);
  const current = await getLocalSetting(db, 'station-identity');
  const fileStationId = file.stationIdentity?.stationId ?? file.stationId;
  if (current?.mode === 'enrolled' && fileStationId && fileStationId !== current.stationId) {
    const name = file.stationIdentity?.stationName ?? fileStationId;
    throw new DomainError({
      code: 'file_other_station',
      message: messages.otherStation(name, current.stationName ?? current.stationId),
      messageEn: `The file belongs to station ${fileStationId}, this PC is ${current.stationId}`,
    });
  }
  const summary = await restoreStationData(db, file, 'emptyOnly');
  if (current && fileStationId && fileStationId !== current.stationId) {
    await adoptStation(db, current, file.stationIdentity ?? { stationId: fileStationId, countyId: current.countyId });
  }
  // On first run the identity came from the file: complete it (names, mode) so that only the clerk's name is missing.
  await completeStationIdentity(db, host);
  await host.log('info', 'station data restored from an exported file', {
    restored: summary.restored,
    firstRun: current === null,
  });
  return summary;
}

/** A training installation takes over the restored station: identity, and the demo reference data goes. */
async function adoptStation(db: LiaisonDatabase, current: StationIdentity, adopted: StationIdentity): Promise<void> {
  const station = (await db.stations.findOne(adopted.stationId).exec())?.toMutableJSON(false) ?? null;
  const countyId = station?.countyId ?? adopted.countyId ?? current.countyId;
  const { deviceCode, ...facts } = portableIdentity(adopted);
  await setLocalSetting(db, 'station-identity', {
    ...facts,
    stationId: adopted.stationId,
    countyId,
    stationName: station?.name ?? adopted.stationName ?? adopted.stationId,
    countyName: station?.countyName ?? adopted.countyName ?? '',
    countyShortName: station?.countyShortName ?? adopted.countyShortName ?? '',
    stationShortName: station?.shortName ?? adopted.stationShortName ?? '',
    ...(deviceCode ? { deviceCode } : {}),
    // This PC keeps how it runs and who works on it.
    ...(current.mode ? { mode: current.mode } : {}),
    ...(current.clerkName !== undefined ? { clerkName: current.clerkName } : {}),
  });
  // The demo station set up at first run (its station, representatives, departments) is not part of this data.
  if (current.stationId !== adopted.stationId) {
    await db.stations.find({ selector: { id: { $eq: current.stationId } } }).remove();
    await db.representatives.find({ selector: { stationId: { $eq: current.stationId } } }).remove();
    if (current.countyId !== countyId) {
      await db.departments.find({ selector: { countyId: { $eq: current.countyId } } }).remove();
    }
  }
}
