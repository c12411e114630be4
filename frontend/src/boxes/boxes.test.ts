import { boxSearchSchema, dueBadge, isRecalled, listQuery, moveSelection, nextAfter, proxyFor } from "./boxes";
import { item, step } from "./test-fixtures";

describe("the box's search parameters", () => {
  it("keeps every valid filter", () => {
    expect(
      boxSearchSchema.parse({ kind: "budget", from: "2026-11-01", to: "2026-11-30", unit: 7, q: "사과", page: 2, open: 41 }),
    ).toEqual({ kind: "budget", from: "2026-11-01", to: "2026-11-30", unit: 7, q: "사과", page: 2, open: 41 });
  });
  it("drops what an edited link got wrong instead of failing the screen", () => {
    expect(boxSearchSchema.parse({ kind: "letter", from: "yesterday", unit: -1, page: 0, open: "x", q: "" })).toEqual({});
    expect(boxSearchSchema.parse({ q: "가".repeat(201) })).toEqual({});
  });
  it("asks the API with its own names, the page size and nothing empty", () => {
    expect(listQuery({ kind: "memo", from: "2026-11-01", q: "사과", page: 3, open: 9 })).toEqual({
      page: 3,
      page_size: 20,
      kind: "memo",
      date_from: "2026-11-01",
      q: "사과",
    });
    expect(listQuery({})).toEqual({ page: 1, page_size: 20 });
  });
});

describe("the due badge", () => {
  const now = new Date("2026-12-02T16:30:00Z"); // 3 Dec in Seoul
  it("counts the Seoul days left", () => {
    expect(dueBadge(step({ due_at: "2026-12-06T18:00:00+09:00" }), now)).toEqual({ tone: "later", days: 3 });
    expect(dueBadge(step({ due_at: "2026-12-05T09:00:00+09:00" }), now)).toEqual({ tone: "soon", days: 2 });
    expect(dueBadge(step({ due_at: "2026-12-03T23:00:00+09:00" }), now)).toEqual({ tone: "today" });
  });
  it("says overdue by how many days, and trusts the server's overdue flag", () => {
    expect(dueBadge(step({ due_at: "2026-12-01T09:00:00+09:00" }), now)).toEqual({ tone: "overdue", days: 2 });
    expect(dueBadge(step({ due_at: "2026-12-03T09:00:00+09:00", is_overdue: true }), now)).toEqual({ tone: "overdue", days: 0 });
  });
  it("shows nothing without a due date, for an acted step or a document row", () => {
    expect(dueBadge(step(), now)).toBeNull();
    expect(dueBadge(step({ due_at: "2026-12-01T09:00:00+09:00", acted_at: "2026-12-01T08:00:00+09:00" }), now)).toBeNull();
    expect(dueBadge(null, now)).toBeNull();
  });
});

describe("the row's marks", () => {
  it("marks a proxy step with the absent colleague it stands in for", () => {
    expect(proxyFor(item(1, { step: step({ is_proxy: true, assignee: { id: 30, name: "박현우" } }) }), 11)).toBe("박현우");
    expect(proxyFor(item(1), 11)).toBeNull();
    expect(proxyFor(item(1, { step: null }), 11)).toBeNull();
  });
  it("marks a draft that was submitted once as recalled", () => {
    expect(isRecalled(item(1, { step: null, document: { status: "draft" } }))).toBe(true);
    expect(isRecalled(item(1, { step: null, document: { status: "draft", submitted_at: null } }))).toBe(false);
    expect(isRecalled(item(1, { step: null }))).toBe(false);
  });
});

describe("moving through the list", () => {
  const ids = [4, 7, 9];
  it("j and k move one at a time and stop at the ends", () => {
    expect(moveSelection(ids, undefined, 1)).toBe(4);
    expect(moveSelection(ids, undefined, -1)).toBe(9);
    expect(moveSelection(ids, 4, 1)).toBe(7);
    expect(moveSelection(ids, 9, 1)).toBe(9);
    expect(moveSelection(ids, 4, -1)).toBe(4);
    expect(moveSelection(ids, 99, 1)).toBe(4);
    expect(moveSelection([], 4, 1)).toBeUndefined();
  });
  it("after acting, the next one opens, or the one above at the end", () => {
    expect(nextAfter(ids, 4)).toBe(7);
    expect(nextAfter(ids, 9)).toBe(7);
    expect(nextAfter([9], 9)).toBeUndefined();
  });
});
