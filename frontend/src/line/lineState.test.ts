import {
  addPerson,
  consultTarget,
  type Line,
  type LinePerson,
  lineFromOutput,
  lineToInput,
  makeStage,
  mapLineErrors,
  moveStage,
  NEW_STAGE,
  removePerson,
  removeReference,
  stepKey,
} from "./lineState";

const person = (id: number, name: string, position = "팀장"): LinePerson => ({ id, name, position, unit: "예산총괄팀" });
const leader = person(2, "김상훈");
const head = person(3, "강영희", "과장");
const director = person(4, "박현우", "국장");
const consultee = person(5, "이현우", "과장");
const other = person(6, "최지은", "주무관");

/** 팀장 검토 → 과장 검토 → 협조(이현우) → 국장 결재, as the server suggests it. */
function suggested(): Line {
  return lineFromOutput({
    stages: [
      { kind: "review", assignee_ids: [2], assignees: [leader] },
      { kind: "review", assignee_ids: [3], assignees: [head] },
      { kind: "consult", assignee_ids: [5], assignees: [consultee] },
      { kind: "approve", assignee_ids: [4], assignees: [director] },
    ],
    references: [],
  });
}

const names = (line: Line) => line.stages.map((stage) => `${stage.kind}:${stage.people.map((p) => p.name).join("+")}`);

describe("changing the line", () => {
  it("adds a reviewer after the reviews, before the consultation and the approval", () => {
    const line = addPerson(suggested(), "review", other);
    expect(names(line)).toEqual(["review:김상훈", "review:강영희", "review:최지은", "consult:이현우", "approve:박현우"]);
  });

  it("adds a consultee to the chosen consult stage, in parallel, or opens a new stage before the approval", () => {
    const line = suggested();
    const consultKey = line.stages[2]!.key;
    expect(names(addPerson(line, "consult", other, consultKey))).toContain("consult:이현우+최지은");
    expect(names(addPerson(line, "consult", other, NEW_STAGE))).toEqual([
      "review:김상훈",
      "review:강영희",
      "consult:이현우",
      "consult:최지은",
      "approve:박현우",
    ]);
  });

  it("sends the next consultee to the last consult stage unless another or a new one is chosen", () => {
    const line = addPerson(suggested(), "consult", other, NEW_STAGE);
    const [first, second] = line.stages.filter((stage) => stage.kind === "consult");
    expect(consultTarget(line, { role: "consult", consultStage: null })).toBe(second!.key);
    expect(consultTarget(line, { role: "consult", consultStage: first!.key })).toBe(first!.key);
    expect(consultTarget(line, { role: "consult", consultStage: NEW_STAGE })).toBe(NEW_STAGE);
    expect(consultTarget({ stages: [], references: [] }, { role: "consult", consultStage: "gone" })).toBe(NEW_STAGE);
  });

  it("gives the final approval to a new approver, or appends one when the line has none", () => {
    expect(names(addPerson(suggested(), "approve", other)).at(-1)).toBe("approve:최지은");
    const empty: Line = { stages: [], references: [] };
    expect(names(addPerson(empty, "approve", other))).toEqual(["approve:최지은"]);
  });

  it("never names a person twice", () => {
    const line = suggested();
    expect(addPerson(line, "reference", leader)).toBe(line);
    expect(addPerson(line, "review", director)).toBe(line);
  });

  it("removes a person, and their stage when it is left empty, and a reference", () => {
    const start = suggested();
    const consultKey = start.stages[2]!.key;
    const line = addPerson(addPerson(start, "consult", other, consultKey), "reference", person(9, "송하은"));
    const fewer = removePerson(line, consultKey, 5);
    expect(names(fewer)).toEqual(["review:김상훈", "review:강영희", "consult:최지은", "approve:박현우"]);
    expect(names(removePerson(fewer, consultKey, 6))).toEqual(["review:김상훈", "review:강영희", "approve:박현우"]);
    expect(removeReference(line, 9).references).toEqual([]);
  });

  it("moves a stage up and down, and not past either end", () => {
    const line = suggested();
    const [first, second] = line.stages;
    expect(names(moveStage(line, second!.key, -1)).slice(0, 2)).toEqual(["review:강영희", "review:김상훈"]);
    expect(moveStage(line, first!.key, -1)).toBe(line);
    expect(moveStage(line, line.stages[3]!.key, 1)).toBe(line);
  });

  it("sends stages and references as ids, in order", () => {
    const line = addPerson(suggested(), "reference", other);
    expect(lineToInput(line)).toEqual({
      stages: [
        { kind: "review", assignee_ids: [2] },
        { kind: "review", assignee_ids: [3] },
        { kind: "consult", assignee_ids: [5] },
        { kind: "approve", assignee_ids: [4] },
      ],
      reference_ids: [6],
    });
  });
});

describe("the server's errors on the line", () => {
  it("land on the step, the stage or the reference the dotted field names", () => {
    const line = addPerson(suggested(), "reference", other);
    line.stages[2] = { ...line.stages[2]!, people: [consultee, other] };
    const errors = mapLineErrors(line, [
      { field: "line.stages.2.assignee_ids.1", message: "최지은(주무관, 예산총괄팀)은 이미 결재선에 있습니다." },
      { field: "line.stages.0.kind", message: "결재선의 마지막 단계는 결재 하나여야 합니다." },
      { field: "line.stages.3.steps.0", message: "박현우 국장은 최종 결재를 할 수 없습니다." },
      { field: "line.reference_ids.0", message: "최지은은 더 이상 재직하지 않습니다." },
      { field: "line.stages", message: "감사담당관은 반드시 협조해야 합니다." },
      { field: "line.stages.9.assignee_ids.0", message: "사라진 단계" },
    ]);
    expect(errors.steps[stepKey(line.stages[2]!.key, 6)]).toEqual(["최지은(주무관, 예산총괄팀)은 이미 결재선에 있습니다."]);
    expect(errors.steps[stepKey(line.stages[2]!.key, 5)]).toBeUndefined();
    expect(errors.steps[stepKey(line.stages[3]!.key, 4)]).toEqual(["박현우 국장은 최종 결재를 할 수 없습니다."]);
    expect(errors.stages[line.stages[0]!.key]).toEqual(["결재선의 마지막 단계는 결재 하나여야 합니다."]);
    expect(errors.references[6]).toEqual(["최지은은 더 이상 재직하지 않습니다."]);
    expect(errors.general).toEqual(["감사담당관은 반드시 협조해야 합니다.", "사라진 단계"]);
  });

  it("stay on their step after the stages are reordered", () => {
    const line = suggested();
    const errors = mapLineErrors(line, [{ field: "stages.1.assignee_ids.0", message: "부재 중" }]);
    const moved = moveStage(line, line.stages[1]!.key, -1);
    expect(moved.stages[0]!.people[0]!.id).toBe(3);
    expect(errors.steps[stepKey(moved.stages[0]!.key, 3)]).toEqual(["부재 중"]);
  });

  it("keeps makeStage keys unique", () => {
    expect(makeStage("review", []).key).not.toBe(makeStage("review", []).key);
  });
});
