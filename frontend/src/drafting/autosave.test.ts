import { autosaveReducer, conflictDifferences, etagFor, initialAutosave, lockVersionOf, maySave } from "./autosave";
import { emptyDraft } from "./schema";

const at = new Date("2026-12-03T05:07:00Z");

describe("the autosave state", () => {
  it("saves again when a change arrived while a save was out", () => {
    let state = autosaveReducer(initialAutosave('"7-2"'), { type: "edited" });
    state = autosaveReducer(state, { type: "started" });
    state = autosaveReducer(state, { type: "edited" });
    state = autosaveReducer(state, { type: "saved", etag: '"7-3"', at });
    expect(state.status).toBe("pending");
    expect(state.etag).toBe('"7-3"');
    expect(maySave(state)).toBe(true);
  });

  it("stops saving on a conflict until the person chooses, whatever they type", () => {
    const conflict = { theirs: {} as never, mine: emptyDraft() };
    let state = autosaveReducer(initialAutosave('"7-2"'), { type: "conflict", conflict });
    state = autosaveReducer(state, { type: "edited" });
    expect(state.status).toBe("conflict");
    expect(maySave(state)).toBe(false);
  });

  it("keeping mine saves over theirs with their ETag; taking theirs is saved as it is", () => {
    const conflict = { theirs: {} as never, mine: emptyDraft() };
    const open = autosaveReducer(initialAutosave('"7-2"'), { type: "conflict", conflict });
    const kept = autosaveReducer(open, { type: "keptMine", etag: '"7-4"' });
    expect(kept).toMatchObject({ status: "pending", etag: '"7-4"', conflict: null });
    const taken = autosaveReducer(open, { type: "tookTheirs", etag: '"7-4"', at });
    expect(taken).toMatchObject({ status: "saved", etag: '"7-4"', conflict: null, savedAt: at });
  });

  it("an opened draft shows when it was last saved", () => {
    expect(initialAutosave('"7-2"', at)).toMatchObject({ status: "saved", savedAt: at });
    expect(initialAutosave(null).status).toBe("idle");
  });
});

describe("ETags", () => {
  it("name the document and its lock version", () => {
    expect(lockVersionOf('"12-3"')).toBe(3);
    expect(lockVersionOf('W/"12-3"')).toBe(3);
    expect(lockVersionOf("garbage")).toBeNull();
    expect(etagFor(12, 4)).toBe('"12-4"');
  });
});

describe("the merge prompt's rows", () => {
  it("lists only what differs, the body as the text a reader sees", () => {
    const theirs = { ...emptyDraft(), title: "가 계획", body: "<p>첫 문단</p>" };
    const mine = { ...emptyDraft(), title: "가 계획", body: "<p>첫 문단</p><p>둘째 문단</p>", recipient: "도장구청장" };
    const rows = conflictDifferences(theirs, mine);
    expect(rows.map((r) => r.field)).toEqual(["body", "recipient"]);
    expect(rows[0]).toEqual({ field: "body", theirs: "첫 문단", mine: "첫 문단\n둘째 문단" });
  });

  it("shows a level not chosen yet as empty, and a withholding level with its grounds", () => {
    const theirs = emptyDraft();
    const mine = { ...emptyDraft(), proposed_disclosure_level: "partial" as const, proposed_disclosure_grounds: [6, 1] };
    expect(conflictDifferences(theirs, mine)).toEqual([{ field: "proposed_disclosure", theirs: "", mine: "partial (1, 6)" }]);
  });
});
