// Human case numbers for mediation cases, e.g. 象州-妙皇-2026-0007, assigned offline on the station's device.
//
// Why two devices never hand out the same number:
// - The scope is the station: the prefix is county short name + station short name (unique within a county, and
//   county short names are unique within the city), so two stations can never produce the same number.
// - Within one station, numbers are assigned only by the station itself: county staff never create mediation cases
//   (the server refuses such writes, see ownership/field-ownership.ts), and the next number is the highest number
//   already known locally + 1. The local database holds every case of the station (its own, and those pulled back
//   from the server after a restore), so the sequence continues where it stopped.
// - A station that runs the app on more than one device (e.g. the activity center's PC and a laptop taken to a
//   village) could assign the same next number while both are offline. Each additional device is therefore given a
//   device code at enrolment (one letter B–Z; the first device has none), which becomes part of the sequence:
//   象州-妙皇-2026-B0007. Each (station, year, device code) sequence is written by exactly one device.
// The record's primary key is a ULID anyway, so even a duplicated number could never overwrite another case.

import { DomainError } from '../common/domain-error';

export interface CaseNumberParts {
  countyShortName: string;
  stationShortName: string;
  year: number;
  /** '' for a station's first device, 'B'..'Z' for further devices. */
  deviceCode: string;
  sequence: number;
}

export interface NextCaseNumberInput {
  countyShortName: string;
  stationShortName: string;
  year: number;
  /** Case numbers already known on this device (any station/year; others are ignored). */
  existing: readonly string[];
  deviceCode?: string;
}

const SEPARATOR = '-';
const pattern = /^([^-\s]+)-([^-\s]+)-(\d{4})-([B-Z]?)(\d{4,})$/;

function checkPart(value: string, what: string): void {
  if (value === '' || /[-\s]/.test(value)) {
    throw new DomainError({
      code: 'invalid_case_number_prefix',
      message: `${what}“${value}”不能为空，也不能包含“-”或空格，请县人大常委会修改联络站资料`,
      messageEn: `The ${what} "${value}" must be non-empty without "-" or spaces`,
    });
  }
}

export function formatCaseNumber(parts: CaseNumberParts): string {
  checkPart(parts.countyShortName, '县(市、区)简称');
  checkPart(parts.stationShortName, '联络站简称');
  if (parts.deviceCode !== '' && !/^[B-Z]$/.test(parts.deviceCode)) {
    throw new DomainError({
      code: 'invalid_device_code',
      message: `设备代码“${parts.deviceCode}”无效，应为B至Z中的一个字母，请重新注册本设备`,
      messageEn: `Invalid device code "${parts.deviceCode}"`,
    });
  }
  const sequence = String(parts.sequence).padStart(4, '0');
  return [parts.countyShortName, parts.stationShortName, String(parts.year), `${parts.deviceCode}${sequence}`].join(
    SEPARATOR,
  );
}

/** The parts of a case number, or undefined when it is not one. */
export function parseCaseNumber(value: string): CaseNumberParts | undefined {
  const m = pattern.exec(value.trim());
  if (!m) return undefined;
  const [, countyShortName = '', stationShortName = '', year = '', deviceCode = '', sequence = ''] = m;
  return { countyShortName, stationShortName, year: Number(year), deviceCode, sequence: Number(sequence) };
}

/** The next free number of this station, year and device: highest known + 1 (gaps are kept, never reused). */
export function nextCaseNumber(input: NextCaseNumberInput): string {
  const deviceCode = input.deviceCode ?? '';
  let highest = 0;
  for (const existing of input.existing) {
    const p = parseCaseNumber(existing);
    if (
      p &&
      p.countyShortName === input.countyShortName &&
      p.stationShortName === input.stationShortName &&
      p.year === input.year &&
      p.deviceCode === deviceCode
    ) {
      highest = Math.max(highest, p.sequence);
    }
  }
  return formatCaseNumber({
    countyShortName: input.countyShortName,
    stationShortName: input.stationShortName,
    year: input.year,
    deviceCode,
    sequence: highest + 1,
  });
}
