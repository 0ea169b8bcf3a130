/** Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as day numbers, for placing them on a time axis. */
export type Precision = 'day' | 'about' | 'month' | 'year';

const DAY_MS = 86_400_000;

function parts(value: string): [number, number, number] {
  const [y, m, d] = value.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/** The first day the date can mean, as days since 1970-01-01. */
export function dayStart(value: string): number {
  const [y, m, d] = parts(value);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The last day the date can mean: the day itself, the month's last day, or the year's. */
export function dayEnd(value: string): number {
  const segments = value.split('-').length;
  const [y, m, d] = parts(value);
  if (segments === 1) return Date.UTC(y, 11, 31) / DAY_MS;
  if (segments === 2) return Date.UTC(y, m, 0) / DAY_MS;
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The span a date of the given precision covers ("about" a day: three days either side). */
export function dateSpan(value: string, precision: Precision): [number, number] {
  if (precision === 'about') return [dayStart(value) - 3, dayEnd(value) + 3];
  if (precision === 'month') return [dayStart(value.slice(0, 7)), dayEnd(value.slice(0, 7))];
  if (precision === 'year') return [dayStart(value.slice(0, 4)), dayEnd(value.slice(0, 4))];
  return [dayStart(value), dayEnd(value)];
}

export const yearStart = (year: number): number => Date.UTC(year, 0, 1) / DAY_MS;
