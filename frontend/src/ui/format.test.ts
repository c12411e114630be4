import { daysUntil, formatDate, formatDateTime } from "./format";

describe("dates in Asia/Seoul", () => {
  it("shows the Seoul day even when UTC is still on the day before", () => {
    // 2026-12-02 16:30 UTC is 2026-12-03 01:30 in Seoul.
    expect(formatDate("2026-12-02T16:30:00Z", "ko")).toBe("2026. 12. 03.");
    expect(formatDateTime("2026-12-02T16:30:00Z", "en")).toBe("03/12/2026, 01:30");
  });
  it("counts D-n in Seoul days", () => {
    const now = new Date("2026-12-02T16:30:00Z"); // 3 Dec in Seoul
    expect(daysUntil("2026-12-05T00:00:00+09:00", now)).toBe(2);
    expect(daysUntil("2026-12-03T23:59:00+09:00", now)).toBe(0);
    expect(daysUntil("2026-12-02T09:00:00+09:00", now)).toBe(-1);
  });
});
