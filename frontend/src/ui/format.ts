// Dates as Korean officials read them, always in Asia/Seoul whatever the machine's zone.
const ZONE = "Asia/Seoul";

function locale(language: string): string {
  return language === "en" ? "en-GB" : "ko-KR";
}

export function formatDate(value: string | Date | null | undefined, language: string): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

export function formatDateTime(value: string | Date | null | undefined, language: string): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false,
  }).format(date);
}

/** Whole days from today (Seoul) to a due date: positive ahead, 0 today, negative overdue. */
export function daysUntil(due: string | Date, now: Date = new Date()): number {
  const dayOf = (d: Date) => {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
    return Date.parse(`${parts}T00:00:00Z`);
  };
  const target = typeof due === "string" ? new Date(due) : due;
  return Math.round((dayOf(target) - dayOf(now)) / 86_400_000);
}
