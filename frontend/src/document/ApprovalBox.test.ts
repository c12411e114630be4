import { boxDate, lineCells } from "./ApprovalBox";
import type { DocumentDetail } from "./queries";

describe("the approval box", () => {
  it("dates a cell by its Seoul day, month and day only", () => {
    expect(boxDate("2026-12-03T16:30:00Z", "ko")).toBe("12. 04.");
    expect(boxDate("2026-12-04", "en")).toBe("04/12");
  });

  it("names the deputy who signed, whom they stood in for, and 전결 and 대결", () => {
    const document = {
      drafter: { id: 1, name: "송하은", position: "주무관", unit: "예산총괄팀" },
      submitted_at: "2026-12-03T01:00:00Z",
      stages: [
        { id: 1, kind: "approve", order: 1, round: 1, steps: [{
          id: 9, order: 0, status: "approved", is_proxy: true, is_delegated: true, position_title: "실장",
          assignee: { id: 15, name: "박현우", position: "실장", unit: "기획조정실" },
          acted_by: { id: 20, name: "강영희", position: "담당관", unit: "예산담당관" },
          acted_at: "2026-12-03T02:00:00Z", post_approved_at: null,
        }] },
      ],
    } as unknown as DocumentDetail;
    const [drafter, approver] = lineCells(document);
    expect(drafter).toMatchObject({ role: "draft", name: "송하은" });
    expect(approver).toMatchObject({ role: "approve", name: "강영희", proxyFor: "박현우", marks: ["전결", "대결"], position: "실장" });
  });
});
