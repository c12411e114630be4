import { ApiFailure } from "@/api/errors";
import { actedByLabel, actedByOf, candidateTaskIds, drafterActions, offeredActions } from "./actions";
import type { DocumentDetail, Step, TaskDetail } from "./queries";

const person = (id: number, name = `p${id}`) => ({ id, name, position: "팀장", unit: "예산총괄팀" });

function step(id: number, assignee: number, status: Step["status"], extra: Partial<Step> = {}): Step {
  return { id, assignee: person(assignee), acted_by: null, status, order: 0, ...extra };
}

function doc(status: DocumentDetail["status"], steps: Step[][], extra: Partial<DocumentDetail> = {}) {
  return {
    drafter: person(1, "송하은"),
    status,
    submitted_at: "2026-12-03T10:00:00+09:00",
    stages: steps.map((stageSteps, index) => ({ id: index, kind: "review" as const, order: index + 1, round: 1, steps: stageSteps })),
    ...extra,
  };
}

const task = (stepId: number, actions: string[]) => ({ actions, step: { id: stepId } }) as unknown as TaskDetail;

describe("which actions the document offers", () => {
  it("offers the approver what their task allows, with the task it acts on", () => {
    const document = doc("in_progress", [[step(11, 2, "pending")], [step(12, 3, "waiting")]]);
    expect(candidateTaskIds(document, 2)).toEqual([11]);
    const offered = offeredActions(document, 2, [task(11, ["approve", "return", "hold", "edit"])]);
    expect(offered).toEqual([
      { name: "approve", taskId: 11 },
      { name: "return", taskId: 11 },
      { name: "hold", taskId: 11 },
      { name: "edit", taskId: 11 },
    ]);
  });

  it("offers nothing to a colleague whose tasks offer nothing", () => {
    const document = doc("in_progress", [[step(11, 2, "pending")]]);
    expect(offeredActions(document, 9, [task(11, [])])).toEqual([]);
  });

  it("asks about a proxy step only of the absent approver who owes the post-approval", () => {
    const owed = step(31, 5, "approved", { is_proxy: true, acted_at: "2026-12-03T11:00:00+09:00", post_approved_at: null, acted_by: person(6) });
    const document = doc("approved", [[owed]]);
    expect(candidateTaskIds(document, 5)).toEqual([31]);
    expect(candidateTaskIds(document, 6)).toEqual([]);
    const settled = { ...owed, post_approved_at: "2026-12-04T09:00:00+09:00" };
    expect(candidateTaskIds(doc("approved", [[settled]]), 5)).toEqual([]);
  });

  it("only looks at the current round's open steps", () => {
    const document = doc("in_progress", []);
    document.stages = [
      { id: 1, kind: "review", order: 1, round: 1, steps: [step(1, 2, "on_hold")] },
      { id: 2, kind: "review", order: 1, round: 2, steps: [step(2, 2, "pending")] },
    ];
    expect(candidateTaskIds(document, 2)).toEqual([2]);
  });

  it("lets the drafter recall while nobody has acted, and not after", () => {
    const untouched = doc("in_progress", [[step(11, 2, "pending")]]);
    expect(drafterActions(untouched, 1)).toEqual(["recall", "withdraw"]);
    const acted = doc("in_progress", [[step(11, 2, "approved")], [step(12, 3, "pending")]]);
    expect(drafterActions(acted, 1)).toEqual(["withdraw"]);
    const held = doc("on_hold", [[step(11, 2, "on_hold")]]);
    expect(drafterActions(held, 1)).toEqual(["withdraw"]);
  });

  it("lets the drafter resubmit a returned or recalled document, never an approved one", () => {
    expect(drafterActions(doc("returned", [[step(11, 2, "returned")]]), 1)).toEqual(["resubmit", "withdraw"]);
    expect(drafterActions(doc("draft", [[step(11, 2, "skipped")]]), 1)).toEqual(["resubmit", "withdraw"]);
    expect(drafterActions(doc("draft", [], { submitted_at: null }), 1)).toEqual(["withdraw"]);
    expect(drafterActions(doc("approved", [[step(11, 2, "approved")]]), 1)).toEqual([]);
  });

  it("offers the drafter's actions to nobody else", () => {
    expect(drafterActions(doc("in_progress", [[step(11, 2, "pending")]]), 2)).toEqual([]);
  });
});

describe("who acted first", () => {
  const conflict = (extra: object) =>
    new ApiFailure(409, { type: "conflict", detail: "Someone has already acted on this step.", errors: [], ...extra });

  it("reads the person and their position from the 409", () => {
    const actedBy = actedByOf(
      conflict({ acted_by: { name: "김상훈", position: "팀장", action: "approved", acted_at: "2026-12-03T11:00:00+09:00" } }),
    );
    expect(actedBy?.action).toBe("approved");
    expect(actedByLabel(actedBy!)).toBe("김상훈 팀장");
  });
  it("says nothing when the server did not say", () => {
    expect(actedByOf(conflict({}))).toBeNull();
    expect(actedByOf(new Error("network"))).toBeNull();
  });
});
