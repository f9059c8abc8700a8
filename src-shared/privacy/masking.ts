// Masking of personal information in lists and exports (个人信息保护法): names, phones, ID numbers, addresses.

import type { Party } from '../mediation-case/mediation-case';
import type { Visitor } from '../opinion/opinion';

/** Characters by code point, so that rare characters outside the BMP count as one. */
function chars(value: unknown): string[] {
  return typeof value === 'string' ? Array.from(value.trim()) : [];
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; a one-character name becomes *. */
export function maskName(name: unknown): string {
  const c = chars(name);
  if (c.length === 0) return '';
  if (c.length === 1) return '*';
  return c[0] + '*'.repeat(c.length - 1);
}

/** 13812345678 → 138****5678; shorter numbers keep less (the last 2), very short ones are all stars. */
export function maskPhone(phone: unknown): string {
  const c = chars(phone);
  if (c.length === 0) return '';
  if (c.length >= 8) return c.slice(0, 3).join('') + '*'.repeat(c.length - 7) + c.slice(-4).join('');
  if (c.length >= 5) return '*'.repeat(c.length - 2) + c.slice(-2).join('');
  return '*'.repeat(c.length);
}

/** 450101199001011234 → 450101********1234: the first 6 (the issuing area) and last 4 stay; short or odd input is starred but for the last 2. */
export function maskIdNumber(idNumber: unknown): string {
  const c = chars(idNumber);
  if (c.length === 0) return '';
  if (c.length >= 12) return c.slice(0, 6).join('') + '*'.repeat(c.length - 10) + c.slice(-4).join('');
  if (c.length >= 5) return '*'.repeat(c.length - 2) + c.slice(-2).join('');
  return '*'.repeat(c.length);
}

/** Keeps the start (county, township) and hides the rest: 象州县妙皇乡妙皇村三组 → 象州县妙皇乡****. */
export function maskAddress(address: unknown): string {
  const c = chars(address);
  if (c.length === 0) return '';
  if (c.length <= 2) return '*'.repeat(c.length);
  const keep = Math.min(6, Math.floor(c.length / 2));
  return `${c.slice(0, keep).join('')}****`;
}

/** A visitor with every personal field masked (fields that are absent stay absent). */
export function maskVisitor(visitor: Visitor): Visitor {
  return {
    name: maskName(visitor.name),
    ...(visitor.phone === undefined ? {} : { phone: maskPhone(visitor.phone) }),
    ...(visitor.idNumber === undefined ? {} : { idNumber: maskIdNumber(visitor.idNumber) }),
    ...(visitor.address === undefined ? {} : { address: maskAddress(visitor.address) }),
  };
}

/** A party with every personal field masked; the role is not personal and stays. */
export function maskParty(party: Party): Party {
  return { ...maskVisitor(party), role: party.role };
}

/** A record with its personal fields masked: `visitor` of an opinion, `parties` of a mediation case. */
export function maskPersonalData<T extends object>(record: T): T {
  const r = record as T & { visitor?: Visitor; parties?: Party[] };
  return {
    ...record,
    ...(r.visitor ? { visitor: maskVisitor(r.visitor) } : {}),
    ...(Array.isArray(r.parties) ? { parties: r.parties.map(maskParty) } : {}),
  };
}
