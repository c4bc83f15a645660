/** Timestamps are stored as ISO-8601 UTC text in both databases; this is the one way to make them. */
export function nowIso(): string {
  return new Date().toISOString();
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
