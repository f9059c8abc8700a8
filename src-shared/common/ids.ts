// Client-generated ids: ULIDs (time-ordered, Crockford base32, 26 chars), monotonic within one millisecond.

/** The one Web Crypto function we need; declared here because src-shared has neither DOM nor Node types. */
interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const ENCODING = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LEN = 10;
const RANDOM_LEN = 16;
const MAX_TIME = 2 ** 48 - 1;

function randomSource(): RandomSource {
  const source = (globalThis as unknown as { crypto?: RandomSource }).crypto;
  if (!source || typeof source.getRandomValues !== 'function') {
    throw new Error('globalThis.crypto.getRandomValues is not available: cannot generate ids');
  }
  return source;
}

function encodeTime(time: number): string {
  if (!Number.isInteger(time) || time < 0 || time > MAX_TIME) throw new Error(`invalid ULID time: ${time}`);
  let out = '';
  let rest = time;
  for (let i = 0; i < TIME_LEN; i++) {
    out = ENCODING[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** 16 base32 digits (80 bits) of randomness, as digit values 0..31. */
function randomDigits(): number[] {
  const bytes = randomSource().getRandomValues(new Uint8Array(RANDOM_LEN));
  return Array.from(bytes, (b) => b & 31);
}

let lastTime = -1;
let lastRandom: number[] = [];

/** Increments the 80-bit random part by one; ids stay sortable when several are made in one millisecond. */
function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    const d = next[i] ?? 0;
    if (d < 31) {
      next[i] = d + 1;
      return next;
    }
    next[i] = 0;
  }
  throw new Error('ULID random part overflow within one millisecond');
}

/** A new ULID. `now` (ms since epoch) is injectable for tests; ids made later never sort before earlier ones. */
export function newId(now: number = Date.now()): string {
  // A clock that goes backwards keeps the last time, so ids stay monotonic on this device.
  if (now <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = now;
    lastRandom = randomDigits();
  }
  return encodeTime(lastTime) + lastRandom.map((d) => ENCODING[d]).join('');
}

export const ulidPattern = '^[0-9A-HJKMNP-TV-Z]{26}$';

export function isUlid(value: unknown): value is string {
  return typeof value === 'string' && new RegExp(ulidPattern).test(value);
}

/** The millisecond timestamp encoded in a ULID. */
export function idTime(id: string): number {
  let time = 0;
  for (const ch of id.slice(0, TIME_LEN).toUpperCase()) {
    const d = ENCODING.indexOf(ch);
    if (d < 0) throw new Error(`not a ULID: ${id}`);
    time = time * 32 + d;
  }
  return time;
}
