/** Dates as the site shows them, and dates as news sites print them. */

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

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

/** "19 September 2023", "September 2023" or "2023", from YYYY-MM-DD / YYYY-MM / YYYY; "about …" when approximate. */
export function formatDate(value: string, precision: 'day' | 'about' | 'month' | 'year' = 'day'): string {
  if (precision === 'about') return `about ${formatDate(value)}`;
  if (precision === 'year') return value.slice(0, 4);
  if (precision === 'month') return formatDate(value.slice(0, 7));
  const [y, m, d] = value.split('-');
  const month = m ? MONTH_NAMES[Number(m) - 1] : undefined;
  const monthName = month ? month[0]?.toUpperCase() + month.slice(1) : undefined;
  if (d && monthName) return `${Number(d)} ${monthName} ${y}`;
  if (monthName) return `${monthName} ${y}`;
  return y ?? value;
}
