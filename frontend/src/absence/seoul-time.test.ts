import { absenceState, fromSeoulInput, toSeoulInput } from "./seoul-time";

describe("the form's Seoul times", () => {
  it("shows an instant as Seoul wall time whatever the machine's zone (tests run in UTC)", () => {
    expect(toSeoulInput("2026-12-03T16:30:00Z")).toBe("2026-12-04T01:30");
    expect(toSeoulInput("2026-12-04T00:00:00+09:00")).toBe("2026-12-04T00:00");
  });
  it("sends what was typed as Seoul time, and refuses a half-typed value", () => {
    expect(fromSeoulInput("2026-12-04T09:00")).toBe("2026-12-04T09:00:00+09:00");
    expect(fromSeoulInput("")).toBeNull();
    expect(fromSeoulInput("2026-12-04")).toBeNull();
  });
  it("round-trips", () => {
    const sent = fromSeoulInput("2027-01-01T00:00")!;
    expect(toSeoulInput(sent)).toBe("2027-01-01T00:00");
  });
  it("says whether an absence is on now, ahead or over", () => {
    const now = new Date("2026-12-04T03:00:00Z"); // 12:00 in Seoul
    const at = (starts_at: string, ends_at: string) => absenceState({ starts_at, ends_at }, now);
    expect(at("2026-12-04T09:00:00+09:00", "2026-12-05T18:00:00+09:00")).toBe("current");
    expect(at("2026-12-05T09:00:00+09:00", "2026-12-05T18:00:00+09:00")).toBe("upcoming");
    expect(at("2026-12-01T09:00:00+09:00", "2026-12-04T12:00:00+09:00")).toBe("past");
  });
});
