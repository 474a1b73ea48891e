const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * Seconds in a duration as people write it: `90s`, `15m`, `25h`, `7d`, `1h30m`, `1.5h`, or a plain number of
 * seconds. Zero is allowed; a negative or malformed duration is an error.
 */
export function durationSeconds(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) throw new Error(`'${input}' is not a duration in seconds`);
    return input;
  }
  const text = input.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(ms|[smhdw])/g)];
  const consumed = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || consumed.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) {
    throw new Error(`'${input}' is not a duration (e.g. 90s, 15m, 25h, 7d, 1h30m)`);
  }
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * (UNITS[unit ?? 's'] ?? 0), 0);
}
