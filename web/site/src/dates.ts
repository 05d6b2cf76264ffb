/** Dates as the portal prints them, in Asia/Ho_Chi_Minh (the API's instants are UTC). */

const ZONE = "Asia/Ho_Chi_Minh";

const parts = (instant: Date) => {
  const p = new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => p.find((x) => x.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), weekday: get("weekday"), hour: get("hour"), minute: get("minute") };
};

const WEEKDAYS: Record<string, string> = { Mon: "Thứ 2", Tue: "Thứ 3", Wed: "Thứ 4", Thu: "Thứ 5", Fri: "Thứ 6", Sat: "Thứ 7", Sun: "Chủ nhật" };

/** The header's date line, e.g. "Thứ 6 - 26/02/2016" (Sunday is "Chủ nhật"), for the day in Asia/Ho_Chi_Minh. */
export function dateLine(now: Date): string {
  const d = parts(now);
  return `${WEEKDAYS[d.weekday] ?? d.weekday} - ${d.day}/${d.month}/${d.year}`;
}

/** "04/06/2024 08:00" in Asia/Ho_Chi_Minh, for a UTC instant from the API. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = parts(new Date(iso));
  return `${d.day}/${d.month}/${d.year} ${d.hour}:${d.minute}`;
}

/** "25/12/2023" for a calendar date (YYYY-MM-DD) from the API. */
export function calendarDate(date: string | null | undefined): string {
  if (!date) return "";
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}
