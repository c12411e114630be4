import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { lineFromOutput } from "./lineState";
import { SavedLines } from "./SavedLines";

const leader = { id: 2, name: "김상훈", position: "팀장", unit: "예산총괄팀" };
const head = { id: 3, name: "강영희", position: "담당관", unit: "예산담당관" };
const present = (id: number) => ({ assignee_id: id, absent: false, absent_until: null, acting: null, acting_official: false });
const output = {
  stages: [
    { kind: "review" as const, assignee_ids: [2], assignees: [leader], steps: [present(2)] },
    { kind: "approve" as const, assignee_ids: [3], assignees: [head], steps: [present(3)] },
  ],
  reference_ids: [],
  references: [],
  required_rank: 80,
  delegation_rule: "기안문: 과장 전결",
  delegated: true,
};
const teamLine = {
  id: 8,
  name: "팀 기본",
  kind: "",
  stages: [{ kind: "review", assignees: [2] }, { kind: "approve", assignees: [9] }],
  references: [],
  created_at: "2026-12-01T00:00:00Z",
  warnings: [] as { person: number; name: string; code: "left" | "moved"; message: string }[],
};
const moved = "김상훈(팀장, 예산총괄팀)은 저장한 뒤에 예산기획팀으로 옮겼습니다.";
const left = "최지은(과장, 예산담당관)은 더 이상 재직하지 않습니다.";

function json(value: unknown, status = 200) {
  return new Response(JSON.stringify(value), { status, headers: { "Content-Type": "application/json" } });
}

let posted: { path: string; body: unknown }[];
function stub(applyAnswer: () => Response) {
  posted = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method === "POST") posted.push({ path, body: JSON.parse(await request.text()) });
      if (path === "/api/saved-lines/" && request.method === "GET") return json({ count: 1, results: [teamLine] });
      if (path === "/api/saved-lines/" && request.method === "POST") return json({ ...teamLine, id: 9, name: "새 결재선" }, 201);
      if (path === "/api/saved-lines/8/apply/") return applyAnswer();
      return json({ type: "not_found", detail: "없음", errors: [] }, 404);
    }),
  );
}

function renderSaved(onApply = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SavedLines documentId="4" kind="memo" line={lineFromOutput(output)} onApply={onApply} onApplyErrors={vi.fn()} />
    </QueryClientProvider>,
  );
  return onApply;
}

afterEach(() => vi.unstubAllGlobals());

describe("saved lines", () => {
  it("applies the chosen line to this document", async () => {
    stub(() => json({ ...output, warnings: [] }));
    const onApply = renderSaved();
    await userEvent.click(await screen.findByRole("button", { name: "적용" }));
    await waitFor(() => expect(onApply).toHaveBeenCalledWith({ ...output, warnings: [] }, "팀 기본"));
    expect(posted).toContainEqual({ path: "/api/saved-lines/8/apply/", body: { document: 4 } });
  });

  it("says in the server's words why a saved line cannot be used, leaving the line as it was", async () => {
    stub(() =>
      json({ type: "validation_error", detail: "입력값을 확인하세요.", errors: [{ field: "line.stages.1.assignee_ids.0", code: "invalid", message: left }] }, 400),
    );
    const onApply = renderSaved();
    await userEvent.click(await screen.findByRole("button", { name: "적용" }));
    expect(await screen.findByText(left)).toBeInTheDocument();
    expect(screen.getByText("팀 기본 결재선은 이 문서에 그대로 쓸 수 없습니다.")).toBeInTheDocument();
    expect(onApply).not.toHaveBeenCalled();
  });

  it("warns before and after applying a line that names someone who has moved", async () => {
    teamLine.warnings = [{ person: 2, name: "김상훈", code: "moved", message: moved }];
    stub(() => json({ ...output, warnings: teamLine.warnings }));
    const onApply = renderSaved();
    expect(await screen.findByText("팀 기본 결재선에 퇴직하거나 자리를 옮긴 사람이 있습니다.")).toBeInTheDocument();
    expect(screen.getByRole("option", { name: /팀 기본.*확인 필요/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "적용" }));
    expect(await screen.findByText("팀 기본 결재선을 적용했습니다. 그사이 자리를 옮긴 사람이 있으니 결재선을 확인하세요.")).toBeInTheDocument();
    expect(onApply).toHaveBeenCalled();
    teamLine.warnings = [];
  });

  it("saves the current line under a name, for this kind of document", async () => {
    stub(() => json({ ...output, warnings: [] }));
    renderSaved();
    await userEvent.type(await screen.findByLabelText("지금 결재선을 저장할 이름"), "새 결재선");
    await userEvent.click(screen.getByRole("button", { name: "저장" }));
    await waitFor(() =>
      expect(posted).toContainEqual({
        path: "/api/saved-lines/",
        body: { name: "새 결재선", kind: "memo", line: { stages: [{ kind: "review", assignee_ids: [2] }, { kind: "approve", assignee_ids: [3] }], reference_ids: [] } },
      }),
    );
    expect(await screen.findByText("지금 결재선을 새 결재선으로 저장했습니다.")).toBeInTheDocument();
  });
});
