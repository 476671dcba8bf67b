/**
 * ISO 8601 instants, read the same way everywhere in the SDK: a date-time without a
 * zone designator is UTC (never the machine's local time, which would make a result
 * depend on the server it runs on), and a day the month does not have is refused.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const DATE_PART = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Epoch ms of an ISO 8601 string (UTC when it names no zone), or `NaN`. Stricter than
 * `Date.parse`, which reads `2024-02-30` as 1 March: a day the month does not have is `NaN`.
 */
export function instantOf(value: string): number {
  const ms = Date.parse(HAS_ZONE.test(value) || DATE_ONLY.test(value) ? value : `${value}Z`);
  if (ms !== ms) return NaN;
  // Only days 29–31 can be missing from a month; look closer only at those ("2024-05-29…").
  const tens = value.charCodeAt(8);
  if (tens === 51 /* 3 */ || (tens === 50 /* 2 */ && value.charCodeAt(9) === 57) /* 29 */) {
    const date = DATE_PART.exec(value);
    if (date && Number(date[3]) > daysInMonth(Number(date[1]), Number(date[2]))) return NaN;
  }
  return ms;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

