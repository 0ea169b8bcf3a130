/**
 * Dates as the site shows them, and dates as news sites print them: the one home of the printed-date grammar
 * (the import recognises a printed-date line with it; the schema reads the frontmatter's printedDate with it).
 */

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Month words as printed: full names, three-letter abbreviations, and "sept". */
const MONTHS = [...MONTH_NAMES, ...MONTH_NAMES.map((m) => m.slice(0, 3)), 'sept'].join('|');
const WEEKDAYS = WEEKDAY_NAMES.join('|');
const TIME = String.raw`(,?\s+\d{1,2}:\d{2}(\s*[ap]m)?)?`;

/** Whole lines that are a date as news sites print it above an article. */
const PRINTED_DATE_LINES: readonly RegExp[] = [
  // 01 September 2023 14:59
  new RegExp(`^\\d{1,2}\\s+(${MONTHS})\\.?,?\\s+\\d{4}${TIME}$`, 'i'),
  // September, Friday 20, 2024 · Sep 20, 2024 10:15
  new RegExp(`^(${MONTHS})\\.?,?\\s+((${WEEKDAYS}),?\\s+)?\\d{1,2},?\\s+\\d{4}${TIME}$`, 'i'),
  // Friday, 1 September 2023
  new RegExp(`^(${WEEKDAYS}),?\\s+\\d{1,2}\\s+(${MONTHS}),?\\s+\\d{4}${TIME}$`, 'i'),
  // 2023-09-19 09:30 · 2023-09-19T09:30
  /^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2})?)?$/,
  // 19.09.2023, 19/09/2023
  /^\d{1,2}[./]\d{1,2}[./]\d{4}(,?\s+\d{1,2}:\d{2})?$/,
];

/** True when a whole line is a date as news sites print it above an article. */
export function isPrintedDateLine(text: string): boolean {
  return PRINTED_DATE_LINES.some((p) => p.test(text));
}

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(w));
  return i === -1 ? undefined : i + 1;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The date if it exists on the calendar (no 31 February), else undefined. */
function valid(isoDay: string): string | undefined {
  const [y, m, d] = isoDay.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  return date.getUTCMonth() + 1 === m && date.getUTCDate() === d ? isoDay : undefined;
}

/**
 * Reads a printed date such as "01 September 2023 14:59" or "September, Friday 20, 2024" as YYYY-MM-DD.
 * Returns undefined when the text has no recognisable day, month and year.
 */
export function parsePrintedDate(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text);
  if (iso) return valid(`${iso[1]}-${iso[2]}-${iso[3]}`);
  const numeric = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(text);
  if (numeric) return valid(`${numeric[3]}-${pad(Number(numeric[2]))}-${pad(Number(numeric[1]))}`);
  const words = text.replace(/[,]/g, ' ').split(/\s+/).filter(Boolean);
  const month = words.map(monthNumber).find((m) => m !== undefined);
  const year = words.find((w) => /^\d{4}$/.test(w));
  const day = words.find((w) => /^\d{1,2}$/.test(w));
  if (month === undefined || !year || !day) return undefined;
  return valid(`${year}-${pad(month)}-${pad(Number(day))}`);
}

export type DatePrecision = 'day' | 'about' | 'month' | 'year';

/** How exact a date written YYYY-MM-DD, YYYY-MM or YYYY is, from its form. */
export function precisionOf(value: string): 'day' | 'month' | 'year' {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'day' : /^\d{4}-\d{2}$/.test(value) ? 'month' : 'year';
}

/** "19 September 2023", "September 2023" or "2023", from YYYY-MM-DD / YYYY-MM / YYYY; "about …" when approximate. */
export function formatDate(value: string, precision: DatePrecision = precisionOf(value)): string {
  if (precision === 'about') return `about ${spelled(value)}`;
  if (precision === 'year') return value.slice(0, 4);
  if (precision === 'month') return spelled(value.slice(0, 7));
  return spelled(value);
}

/** Every part the value has, the month by name. */
function spelled(value: string): string {
  const [y, m, d] = value.split('-');
  const month = m ? MONTH_NAMES[Number(m) - 1] : undefined;
  const monthName = month ? month[0]?.toUpperCase() + month.slice(1) : undefined;
  if (d && monthName) return `${Number(d)} ${monthName} ${y}`;
  if (monthName) return `${monthName} ${y}`;
  return y ?? value;
}
