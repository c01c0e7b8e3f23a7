/** A timestamp as the user's locale writes it; the raw text if it cannot be read. */
export function formatTime(rfc3339: string): string {
  const date = new Date(rfc3339);
  if (Number.isNaN(date.getTime())) return rfc3339;
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** The user's time zone for reports written by the backend: its name and its offset from UTC now. */
export function localZone(): { name: string; utc_offset_minutes: number } {
  return {
    name: Intl.DateTimeFormat().resolvedOptions().timeZone,
    utc_offset_minutes: -new Date().getTimezoneOffset(),
  };
}
