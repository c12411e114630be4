import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { appRoute, rootRoute } from "@/routes/root";
import { lineRoute } from "./routes";

const me = {
  username: "haeun.song",
  person: {
    id: 11,
    employee_number: "2020-0011",
    name: "송하은",
    unit: { id: 3, code: "BUD", name: "예산총괄팀", kind: "team" },
    position: { id: 2, title: "주무관", rank: 70, is_head: false },
  },
  roles: [],
  is_directory_admin: false,
};
const leader = { id: 2, name: "김상훈", position: "팀장", unit: "예산총괄팀" };
const head = { id: 3, name: "강영희", position: "담당관", unit: "예산담당관" };
const deputy = { id: 5, name: "박지훈", position: "팀장", unit: "예산담당관" };
const present = (id: number) => ({ assignee_id: id, absent: false, absent_until: null, acting: null, acting_official: false });
// 강영희 is away until 5 December (Seoul): 박지훈 acts for her (대결).
const away = (id: number) => ({ assignee_id: id, absent: true, absent_until: "2026-12-05T09:00:00+09:00", acting: deputy, acting_official: false });
const suggestion = {
  stages: [
    { kind: "review", assignee_ids: [2], assignees: [leader], steps: [present(2)] },
    { kind: "approve", assignee_ids: [3], assignees: [head], steps: [away(3)] },
  ],
  reference_ids: [],
  references: [],
  required_rank: 80,
  delegation_rule: "기안문: 과장 전결",
  delegated: true,
};
const draft = {
  id: 4,
  kind: "memo",
  status: "draft",
  title: "시민참여예산 설명회 결과 보고",
  drafter: { id: 11, name: "송하은", position: "주무관", unit: "예산총괄팀" },
  unit: { id: 3, code: "BUD", name: "예산총괄팀" },
  submitted_at: null,
  stages: [],
  references: [],
};
const absent = "강영희(담당관, 예산담당관)는 더 이상 재직하지 않습니다.";

function json(value: unknown, status = 200) {
  return new Response(JSON.stringify(value), { status, headers: { "Content-Type": "application/json" } });
}

interface Sent {
  path: string;
  key: string | null;
  body: unknown;
}

function stub(submitAnswers: Response[]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const path = url.pathname;
      if (request.method === "POST") {
        sent.push({ path, key: request.headers.get("Idempotency-Key"), body: JSON.parse(await request.text()) });
      }
      if (path === "/api/me/") return json(me);
      if (path === "/api/notifications/unread-count/") return json({ unread: 0 });
      if (path === "/api/documents/4/") return json(draft);
      if (path === "/api/documents/4/line/suggestion/") return json(suggestion);
      if (path === "/api/documents/4/line/validate/") return json(suggestion);
      if (path === "/api/documents/4/submit/") return submitAnswers.shift() ?? json({ ...draft, status: "in_progress" });
      if (path === "/api/saved-lines/") return json({ count: 0, results: [] });
      if (path === "/api/units/") return json({ count: 0, results: [] });
      if (path === "/api/units/3/") return json({ id: 3, code: "BUD", name: "예산총괄팀", kind: "team", parent: null, depth: 0, has_children: false, head_position: null, members: [] });
      return json({ type: "not_found", detail: "없음", errors: [] }, 404);
    }),
  );
  return sent;
}

const documentRoute = createRoute({ getParentRoute: () => appRoute, path: "documents/$id", component: () => <main id="main">문서 화면</main> });

function renderLine() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createRouter({
    routeTree: rootRoute.addChildren([appRoute.addChildren([lineRoute, documentRoute])]),
    history: createMemoryHistory({ initialEntries: ["/documents/4/line"] }),
    context: { queryClient },
  });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

afterEach(() => vi.unstubAllGlobals());

describe("the line editor", () => {
  it("shows the suggested line with its rule and 전결", async () => {
    stub([]);
    renderLine();
    expect(await screen.findByRole("listitem", { name: "1단계 검토: 김상훈 (2단계 중)" }, { timeout: 12_000 })).toBeInTheDocument();
    expect(screen.getByText("기안문: 과장 전결")).toBeInTheDocument();
    expect(screen.getAllByText("전결").length).toBeGreaterThan(0);
    // 강영희 is away: the preview and her step say who acts for her.
    expect(await screen.findByText("담당관 부재 → 대결 박지훈 팀장")).toBeInTheDocument();
    const step = screen.getByRole("listitem", { name: /2단계 결재: 강영희/ });
    expect(within(step).getByText("2026. 12. 05.까지 부재: 박지훈 팀장이 대신 결재합니다(대결).")).toBeInTheDocument();
    // The first test also loads the lazily split screen (React Aria with it): allow for that.
  }, 15_000);

  it("puts a refused submission's error on its step, then submits once with a new key and opens the document", async () => {
    const refusal = json(
      { type: "validation_error", detail: "입력값을 확인하세요.", errors: [{ field: "line.stages.1.assignee_ids.0", code: "invalid", message: absent }] },
      400,
    );
    const sent = stub([refusal]);
    const router = renderLine();
    await screen.findByRole("listitem", { name: /2단계 결재: 강영희/ });
    await userEvent.click(screen.getByRole("button", { name: "상신" }));

    const step = await screen.findByRole("listitem", { name: /2단계 결재: 강영희/ });
    expect(await within(step).findByText(absent)).toBeInTheDocument();
    expect(within(screen.getByRole("listitem", { name: /1단계 검토/ })).queryByText(absent)).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "상신" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/documents/4"));
    const submits = sent.filter((request) => request.path === "/api/documents/4/submit/");
    expect(submits).toHaveLength(2);
    expect(submits[0]?.body).toEqual({
      line: { stages: [{ kind: "review", assignee_ids: [2] }, { kind: "approve", assignee_ids: [3] }], reference_ids: [] },
    });
    expect(submits[0]?.key).toBeTruthy();
    expect(submits[1]?.key).toBeTruthy();
    expect(submits[1]?.key).not.toBe(submits[0]?.key);
  });

  it("sends the reordered line after a keyboard move", async () => {
    const sent = stub([]);
    renderLine();
    const approve = await screen.findByRole("listitem", { name: /2단계 결재/ });
    approve.focus();
    await userEvent.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(await screen.findByText("결재 강영희 단계를 2단계 중 1번째로 옮겼습니다.")).toBeInTheDocument();
    await waitFor(() =>
      expect(sent.some((request) => request.path === "/api/documents/4/line/validate/" && JSON.stringify(request.body).startsWith('{"stages":[{"kind":"approve"'))).toBe(true),
    );
  });
});
