// The form's date-time inputs hold Seoul wall time ("2026-12-04T09:00"), whatever the
// machine's zone. Korea keeps +09:00 all year (no daylight saving), so the offset is fixed.
const SEOUL_OFFSET = "+09:00";
const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** An instant as the value of a datetime-local input, in Seoul. */
export function toSeoulInput(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Seoul",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A datetime-local value read as Seoul time, as the API's ISO 8601 date-time; null if not one. */
export function fromSeoulInput(value: string): string | null {
  if (!LOCAL_INPUT.test(value)) return null;
  return `${value}:00${SEOUL_OFFSET}`;
}

export type AbsenceState = "current" | "upcoming" | "past";

export function absenceState(absence: { starts_at: string; ends_at: string }, now: Date = new Date()): AbsenceState {
  if (Date.parse(absence.ends_at) <= now.getTime()) return "past";
  if (Date.parse(absence.starts_at) > now.getTime()) return "upcoming";
  return "current";
}
