/** Dates as people read them, in their own locale and time zone. */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : '—';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The value of an <input type="date"> for a moment, in local time. */
export function toDateInputValue(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An end date chosen in a date input means "until the end of that day", in local time. */
export function endOfDayIso(dateInputValue: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInputValue)) return null;
  const end = new Date(`${dateInputValue}T23:59:59`);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

export function tomorrowInputValue(): string {
  return toDateInputValue(new Date(Date.now() + 24 * 3600 * 1000).toISOString());
}

/** The start of a day chosen in a date input, in local time, as an ISO instant. */
export function startOfDayIso(dateInputValue: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInputValue)) return null;
  const start = new Date(`${dateInputValue}T00:00:00`);
  return Number.isNaN(start.getTime()) ? null : start.toISOString();
}

/** For an exclusive upper bound: "until the end of that day" is "before the next day starts". */
export function startOfNextDayIso(dateInputValue: string): string | null {
  const start = startOfDayIso(dateInputValue);
  if (!start) return null;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}
