import { AvevaError } from '../errors/aveva.js';

/** SdsTypeCode numbers (the values the SDS REST API writes), with the names clients may send instead. */
export const TYPE_CODES = {
  Empty: 0,
  Object: 1,
  DBNull: 2,
  Boolean: 3,
  Char: 4,
  SByte: 5,
  Byte: 6,
  Int16: 7,
  UInt16: 8,
  Int32: 9,
  UInt32: 10,
  Int64: 11,
  UInt64: 12,
  Single: 13,
  Double: 14,
  Decimal: 15,
  DateTime: 16,
  String: 18,
  Guid: 19,
  DateTimeOffset: 20,
  TimeSpan: 21,
  Version: 22,
} as const;

const INTEGER_RANGES: Record<number, readonly [number, number]> = {
  [TYPE_CODES.SByte]: [-128, 127],
  [TYPE_CODES.Byte]: [0, 255],
  [TYPE_CODES.Int16]: [-32768, 32767],
  [TYPE_CODES.UInt16]: [0, 65535],
  [TYPE_CODES.Int32]: [-2147483648, 2147483647],
  [TYPE_CODES.UInt32]: [0, 4294967295],
  // JSON numbers beyond 2^53 lose precision before they reach us; refuse them rather than store a neighbour.
  [TYPE_CODES.Int64]: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  [TYPE_CODES.UInt64]: [0, Number.MAX_SAFE_INTEGER],
};
const FLOAT_CODES = new Set<number>([TYPE_CODES.Single, TYPE_CODES.Double]);

/** The type codes a key (index) property may have here. */
export const KEY_TYPE_CODES: ReadonlySet<number> = new Set([
  ...Object.keys(INTEGER_RANGES).map(Number),
  ...FLOAT_CODES,
  TYPE_CODES.DateTime,
  TYPE_CODES.String,
]);

/** Every named code: the scalars, and their Nullable (100 + code) and Array (200 + code) forms. */
const NAMED_CODES: ReadonlyMap<string, number> = new Map(
  Object.entries(TYPE_CODES).flatMap(([name, code]) =>
    code >= TYPE_CODES.Boolean
      ? [[name, code] as const, [`Nullable${name}`, 100 + code] as const, [`${name}Array`, 200 + code] as const]
      : [[name, code] as const],
  ),
);
const BY_LOWER_NAME = new Map([...NAMED_CODES].map(([name, code]) => [name.toLowerCase(), code]));

export const typeCodeName = (code: number): string => [...NAMED_CODES].find(([, v]) => v === code)?.[0] ?? String(code);

/** An SdsTypeCode written as a number or a name (any letter case); undefined when it is neither. */
export function parseTypeCode(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw <= 10_000 ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (/^\d+$/.test(text)) return parseTypeCode(Number(text));
  return BY_LOWER_NAME.get(text.toLowerCase());
}

/** An index value, normalized for storage and answers, with its sortable key. */
export interface IndexValue {
  /** The value as events and answers carry it: ISO 8601 UTC for DateTime, a number or a string otherwise. */
  value: string | number;
  /** Text whose byte order is the index order. */
  key: string;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** In the proleptic Gregorian calendar, as Date reckons. */
const daysInMonth = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);

/**
 * DateTime as ISO 8601 UTC with up to 7 fractional digits (SDS keeps 100 ns ticks). A value without an offset is
 * taken as UTC. The key is the fixed-width form, so text order is time order; the value drops trailing zeros.
 */
function dateTimeIndex(raw: unknown): IndexValue | null {
  if (typeof raw !== 'string') return null;
  const m = DATE_TIME.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', fraction = '', zone = 'Z'] = m;
  const ticks = fraction.padEnd(7, '0');
  const trimmed = ticks.replace(/0+$/, '');
  if (zone === 'Z' || zone === 'z') {
    // Already UTC, as clients write nearly every index: checked and spelled without Date arithmetic, which was
    // 2-3 % of the server's CPU per data write.
    const year = Number(y);
    const month = Number(mo);
    if (year < 1 || month < 1 || month > 12 || Number(d) < 1 || Number(d) > daysInMonth(year, month)) return null;
    if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return null;
    const seconds = `${y}-${mo}-${d}T${h}:${mi}:${sec}`;
    return { key: `${seconds}.${ticks}Z`, value: trimmed ? `${seconds}.${trimmed}Z` : `${seconds}Z` };
  }
  // Not Date.UTC: it reads years 0–99 as 1900–1999.
  const check = new Date(0);
  check.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  check.setUTCHours(Number(h), Number(mi), Number(sec), 0);
  const ms = check.getTime();
  // The calendar rolls 2026-02-30 over to March; a date that does not exist is invalid.
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return null;
  const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!zm) return null;
  const offsetMinutes = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3]));
  const utc = new Date(ms - offsetMinutes * 60_000);
  const year = utc.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  const seconds = `${pad(year, 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}T${pad(utc.getUTCHours(), 2)}:${pad(utc.getUTCMinutes(), 2)}:${pad(utc.getUTCSeconds(), 2)}`;
  return { key: `${seconds}.${ticks}Z`, value: trimmed ? `${seconds}.${trimmed}Z` : `${seconds}Z` };
}

/** A float's IEEE 754 bits, flipped so that unsigned byte order is numeric order (negatives included). */
function numberKey(n: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n === 0 ? 0 : n);
  let hi = view.getUint32(0);
  let lo = view.getUint32(4);
  if (hi & 0x80000000) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
  } else {
    hi = (hi | 0x80000000) >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

function numericIndex(raw: unknown, code: number): IndexValue | null {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) n = Number(raw);
  else return null;
  if (!Number.isFinite(n)) return null;
  const range = INTEGER_RANGES[code];
  if (range && (!Number.isInteger(n) || n < range[0] || n > range[1])) return null;
  if (code === TYPE_CODES.Single && Math.abs(n) > 3.4028234663852886e38) return null;
  const value = n === 0 ? 0 : n;
  return { value, key: numberKey(value) };
}

/**
 * Strings order by code point, the same on SQLite and PostgreSQL whatever the database collation: the key is the
 * hex of the UTF-8 bytes, whose byte order is code-point order.
 */
function stringIndex(raw: unknown): IndexValue | null {
  if (typeof raw !== 'string') return null;
  return { value: raw, key: Buffer.from(raw, 'utf8').toString('hex') };
}

/** Parses an index value of the given key type code, or throws a 400 naming it. */
export function indexValue(raw: unknown, code: number, what: string): IndexValue {
  let parsed: IndexValue | null;
  if (code === TYPE_CODES.DateTime) parsed = dateTimeIndex(raw);
  else if (code === TYPE_CODES.String) parsed = stringIndex(raw);
  else parsed = numericIndex(raw, code);
  if (parsed) return parsed;
  const shown = typeof raw === 'string' ? `'${raw}'` : JSON.stringify(raw) ?? 'nothing';
  throw new AvevaError('invalid_index_value', `The index ${what} ${shown} is not a valid ${typeCodeName(code)}.`, {
    resolution:
      code === TYPE_CODES.DateTime
        ? 'Write DateTime indexes in ISO 8601, e.g. 2026-01-01T00:00:00Z.'
        : `Write the index as a ${typeCodeName(code)}.`,
    parameters: { Index: typeof raw === 'string' ? raw : String(JSON.stringify(raw)) },
  });
}
