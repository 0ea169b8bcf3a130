import { describe, expect, it } from 'vitest';
import { formatDate, isPrintedDateLine, parsePrintedDate, precisionOf } from '../../../src/lib/dates.ts';

describe('parsePrintedDate', () => {
  it('reads the dates printed on the seed pages', () => {
    expect(parsePrintedDate('01 September 2023 14:59')).toBe('2023-09-01');
    expect(parsePrintedDate('September, Friday 20, 2024')).toBe('2024-09-20');
  });

  it.each([
    ['1 September 2023', '2023-09-01'],
    ['Friday, 1 September 2023', '2023-09-01'],
    ['Sep 20, 2024 10:15', '2024-09-20'],
    ['Sept. 19, 2023', '2023-09-19'],
    ['19 Sep 2023', '2023-09-19'],
    ['December 31, 2022', '2022-12-31'],
    ['2023-09-19', '2023-09-19'],
    ['2023-09-19 09:30', '2023-09-19'],
    ['Published: 2023-09-19', '2023-09-19'],
    ['20 JANUARY 2024', '2024-01-20'],
  ])('reads %j as %s', (text, iso) => {
    expect(parsePrintedDate(text)).toBe(iso);
  });

  it.each([
    '',
    'yesterday',
    'September 2024',
    '20 September',
    '14:59',
    'Friday 20, 2024',
    'Views: 489',
  ])('is undefined for %j (no day, month and year)', (text) => {
    expect(parsePrintedDate(text)).toBeUndefined();
  });

  it('reads an ISO date with a "T" time, which isPrintedDateLine recognises as a printed date', () => {
    expect(isPrintedDateLine('2023-09-19T09:30')).toBe(true);
    expect(parsePrintedDate('2023-09-19T09:30')).toBe('2023-09-19');
  });

  it('reads every line isPrintedDateLine recognises', () => {
    for (const line of ['01 September 2023 14:59', 'September, Friday 20, 2024', 'Friday, 1 September 2023', 'Sept. 19, 2023 9:05 pm', '19.09.2023', '2023-09-19 09:30']) {
      expect(isPrintedDateLine(line), line).toBe(true);
      expect(parsePrintedDate(line), line).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const line of ['Views: 489', 'September 2024', 'The talks of 19 September 2023 failed.']) expect(isPrintedDateLine(line), line).toBe(false);
  });

  it('does not take a weekday for a month', () => {
    expect(parsePrintedDate('Monday 4, 2024')).toBeUndefined();
    expect(parsePrintedDate('Monday, 4 March 2024')).toBe('2024-03-04');
  });
});

describe('formatDate', () => {
  it('writes a full date as day, month name and year', () => {
    expect(formatDate('2023-09-19')).toBe('19 September 2023');
    expect(formatDate('2023-09-01')).toBe('1 September 2023');
    expect(formatDate('2024-02-29')).toBe('29 February 2024');
  });

  it('writes a month as month name and year', () => {
    expect(formatDate('2023-09')).toBe('September 2023');
    expect(formatDate('2020-01')).toBe('January 2020');
    expect(formatDate('2022-12')).toBe('December 2022');
  });

  it('writes a year as the year', () => {
    expect(formatDate('2020')).toBe('2020');
  });

  it('writes a date at the precision asked for', () => {
    expect(formatDate('2023-09-19', 'day')).toBe('19 September 2023');
    expect(formatDate('2023-09-19', 'about')).toBe('about 19 September 2023');
    expect(formatDate('2023-09-19', 'month')).toBe('September 2023');
    expect(formatDate('2023-09-19', 'year')).toBe('2023');
    expect(formatDate('2023-09', 'month')).toBe('September 2023');
    expect(formatDate('2023', 'year')).toBe('2023');
  });

  it('round-trips with parsePrintedDate', () => {
    for (const iso of ['2023-09-19', '2024-09-20', '2020-11-10']) {
      expect(parsePrintedDate(formatDate(iso))).toBe(iso);
    }
  });
});

describe('precisionOf', () => {
  it('reads how exact a date is from its form', () => {
    expect(precisionOf('2023-09-19')).toBe('day');
    expect(precisionOf('2023-09')).toBe('month');
    expect(precisionOf('2023')).toBe('year');
  });

  it('is formatDate\'s default, so a partial date is written at its own precision', () => {
    expect(formatDate('2023-09')).toBe('September 2023');
    expect(formatDate('2023')).toBe('2023');
  });
});
