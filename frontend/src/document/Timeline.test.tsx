import { render, screen } from "@testing-library/react";
import { Comments, eventWords, withoutRepeats } from "./Timeline";
import type { DocumentDetail } from "./queries";

const returned = {
  stages: [
    {
      id: 1, kind: "approve", order: 1, round: 1,
      steps: [{
        id: 5, order: 0, status: "returned", comment: "근거를 보완하세요.", position_title: "담당관",
        assignee: { id: 2, name: "강영희", position: "담당관", unit: "예산담당관" }, acted_by: null,
        acted_at: "2026-12-03T10:00:00Z",
      }],
    },
  ],
  timeline: [
    { at: "2026-12-03T09:00:00Z", origin: "line", action: "step.activated", actor: "강영희", version_hash: "", details: { comment: "근거를 보완하세요." } },
    { at: "2026-12-03T10:00:00Z", origin: "audit", action: "step.returned_to_drafter", actor: "강영희", version_hash: "", details: { reason: "근거를 보완하세요." } },
    { at: "2026-12-03T11:00:00Z", origin: "audit", action: "step.held", actor: "김상훈", version_hash: "", details: { reason: "예산 확인 중" } },
  ],
} as unknown as DocumentDetail;

describe("comments and history", () => {
  it("shows a return's reason once and a hold's reason beside it", () => {
    render(<Comments document={returned} />);
    expect(screen.getAllByText("근거를 보완하세요.")).toHaveLength(1);
    expect(screen.getByText("예산 확인 중")).toBeInTheDocument();
  });
  it("does not put a step's later comment on its arrival", () => {
    expect(eventWords(returned.timeline[0]!)).toBeNull();
    expect(eventWords(returned.timeline[1]!)).toBe("근거를 보완하세요.");
  });
  it("tells a post-approval once when both the log and the line name it", () => {
    const items = [
      { at: "2026-12-04T02:47:00Z", origin: "audit", action: "step.post_approved", actor: "박현우", version_hash: "", details: { step: 9 } },
      { at: "2026-12-04T02:47:00Z", origin: "line", action: "step.post_approved", actor: "강영희", version_hash: "", details: { step: 9 } },
      { at: "2026-12-04T02:40:00Z", origin: "line", action: "step.activated", actor: "강영희", version_hash: "", details: { step: 9 } },
    ] as DocumentDetail["timeline"];
    expect(withoutRepeats(items).map((item) => item.actor)).toEqual(["박현우", "강영희"]);
  });
});
