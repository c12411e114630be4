import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRouter, RouterProvider } from "@tanstack/react-router";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import i18n from "@/i18n";
import { documentRoute } from "@/document/routes";
import { homeRoute } from "@/home/routes";
import { appRoute, rootRoute } from "@/routes/root";
import { me, stubApi } from "@/test/app-harness";
import type { BoxItem } from "./boxes";
import { boxesRoute } from "./routes";
import { item, step } from "./test-fixtures";

const routeTree = rootRoute.addChildren([appRoute.addChildren([homeRoute, boxesRoute, documentRoute])]);

function renderAt(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } });
  const router = createRouter({ routeTree, history: createMemoryHistory({ initialEntries: [path] }), context: { queryClient } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}

const counts = { to_act: 3, on_hold: 0, post_approval_due: 1, drafts: 2, in_progress: 0, returned: 0, completed: 5, references: 0 };
const soon = new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString();
const late = new Date(Date.now() - 3 * 86_400_000).toISOString();
const rows: BoxItem[] = [
  item(41, { step: step({ id: 410, due_at: soon }) }),
  item(42, { step: step({ id: 420, is_proxy: true, assignee: { id: 30, name: "박현우" }, due_at: late, is_overdue: true }) }),
  item(43, { step: step({ id: 430 }) }),
];

function serve(results: () => BoxItem[] = () => rows) {
  return stubApi((_request, url) => {
    if (url.pathname === "/api/boxes/") return { counts };
    if (url.pathname.startsWith("/api/boxes/")) {
      const list = results();
      return { count: list.length, next: null, previous: null, results: list };
    }
    return undefined;
  });
}

function wideScreen(wide: boolean) {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: wide,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

beforeAll(() => {
  // jsdom has no modal dialogs yet.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
});
beforeEach(() => void i18n.changeLanguage("ko"));
afterEach(() => vi.unstubAllGlobals());

const listCalls = (calls: { path: string; search: string }[]) => calls.filter((c) => c.path === "/api/boxes/to_act/");

describe("the boxes screen", { timeout: 20_000 }, () => {
  it("lists the box with its counts, D-n, overdue and proxy said in words", async () => {
    wideScreen(false);
    serve();
    renderAt("/boxes/to_act");
    expect(await screen.findByRole("heading", { level: 1, name: "결재할 문서" }, { timeout: 5000 })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "결재함 목록" });
    expect(await within(nav).findByRole("link", { name: /결재할 문서\s*3건/ }, { timeout: 5000 })).toHaveAttribute("aria-current", "page");
    const items = within(await screen.findByRole("list", { name: /결재할 문서/ }, { timeout: 5000 })).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByText("D-2")).toBeInTheDocument();
    expect(within(items[1]!).getByText("기한 3일 지남")).toBeInTheDocument();
    expect(within(items[1]!).getByText("대결 · 박현우 대신")).toBeInTheDocument();
    expect(within(items[2]!).queryByText(/대결|D-|지남/)).toBeNull();
    // On a phone the row opens the document's own page.
    expect(within(items[0]!).getByRole("link", { name: "문서 41" })).toHaveAttribute("href", "/documents/41");
  });

  it("reproduces the screen from its link: filters and page go to the API", async () => {
    wideScreen(false);
    const calls = serve();
    renderAt("/boxes/to_act?kind=budget&from=2026-11-01&q=%EC%82%AC%EA%B3%BC&page=2");
    await screen.findByRole("list", { name: /결재할 문서/ });
    const query = new URLSearchParams(listCalls(calls).at(-1)!.search);
    expect(Object.fromEntries(query)).toEqual({ kind: "budget", date_from: "2026-11-01", q: "사과", page: "2", page_size: "20" });
    expect(screen.getByRole("searchbox", { name: "제목 또는 문서번호" })).toHaveValue("사과");
    expect(screen.getByRole("combobox", { name: "문서 종류" })).toHaveValue("budget");
    expect(screen.getByText("검색 결과 3건")).toBeInTheDocument();
  });

  it("puts a chosen filter in the URL and starts again from the first page", async () => {
    wideScreen(false);
    const calls = serve();
    const { router } = renderAt("/boxes/to_act?page=2");
    await screen.findByRole("list", { name: /결재할 문서/ });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "문서 종류" }), "personnel");
    await waitFor(() => expect(router.state.location.search).toEqual({ kind: "personnel" }));
    await waitFor(() => expect(listCalls(calls).at(-1)!.search).toContain("kind=personnel"));
  });

  it("searches Hangul once its composition ends, and the composing Enter submits nothing", async () => {
    wideScreen(false);
    const calls = serve();
    const { router } = renderAt("/boxes/to_act");
    const input = await screen.findByRole("searchbox", { name: "제목 또는 문서번호" });
    fireEvent.compositionStart(input);
    for (const partial of ["ㅅ", "사", "삭", "사과"]) fireEvent.change(input, { target: { value: partial } });
    fireEvent.keyDown(input, { key: "Enter", keyCode: 229, isComposing: true });
    fireEvent.submit(input.closest("form")!);
    await act(() => new Promise((resolve) => setTimeout(resolve, 600)));
    expect(router.state.location.search).toEqual({});
    expect(listCalls(calls).some((c) => c.search.includes("q="))).toBe(false);
    fireEvent.compositionEnd(input, { data: "사과" });
    await waitFor(() => expect(router.state.location.search).toEqual({ q: "사과" }));
    await waitFor(() => expect(listCalls(calls).at(-1)!.search).toContain(`q=${encodeURIComponent("사과")}`));
    // Only the composed word was ever searched (the route's prefetch may ask for it too).
    const searched = listCalls(calls).filter((c) => c.search.includes("q="));
    expect(searched.every((c) => c.search.includes(`q=${encodeURIComponent("사과")}`))).toBe(true);
  });

  it("on a wide screen j and k open the documents beside the list, and ? lists the keys", async () => {
    wideScreen(true);
    serve();
    const { router } = renderAt("/boxes/to_act");
    await screen.findByRole("list", { name: /결재할 문서/ });
    expect(screen.getByRole("region", { name: "선택한 문서" })).toBeInTheDocument();
    await userEvent.keyboard("j");
    await waitFor(() => expect(router.state.location.search).toEqual({ open: 41 }));
    expect(screen.getByRole("link", { name: "문서 41" })).toHaveFocus();
    await userEvent.keyboard("jj");
    await waitFor(() => expect(router.state.location.search).toEqual({ open: 43 }));
    await userEvent.keyboard("k");
    await waitFor(() => expect(router.state.location.search).toEqual({ open: 42 }));
    expect(screen.getByRole("link", { name: "문서 42" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "문서 41" })).not.toHaveAttribute("aria-current");
    await userEvent.keyboard("?");
    const dialog = screen.getByRole("dialog", { name: "단축키" });
    expect(within(dialog).getByText("다음 문서")).toBeInTheDocument();
    expect(within(dialog).getByText("결재(협조 문서는 동의)")).toBeInTheDocument();
  });

  it("opens the next document when the open one leaves the list (acted on)", async () => {
    wideScreen(true);
    let current = rows;
    serve(() => current);
    const { router, queryClient } = renderAt("/boxes/to_act?open=42");
    await screen.findByRole("list", { name: /결재할 문서/ });
    current = rows.filter((row) => row.document.id !== 42);
    await act(() => queryClient.invalidateQueries({ queryKey: ["boxes"] }));
    await waitFor(() => expect(router.state.location.search).toEqual({ open: 43 }));
  });

  it("approves several with one comment and says what became of each", async () => {
    wideScreen(false);
    const keys: (string | null)[] = [];
    const consult = item(44, { step: step({ id: 440, stage_kind: "consult" }) });
    const calls = stubApi((request, url) => {
      if (url.pathname === "/api/boxes/") return { counts };
      if (url.pathname === "/api/boxes/to_act/") return { count: 4, next: null, previous: null, results: [...rows, consult] };
      if (url.pathname === "/api/tasks/bulk-approve/") {
        keys.push(request.headers.get("Idempotency-Key"));
        return {
          results: [
            { task: 410, outcome: "approved", document: { id: 41, status: "approved", number: "예산총괄팀-12" } },
            {
              task: 430,
              outcome: "conflict",
              code: "conflict",
              detail: "이미 처리되었습니다.",
              acted_by: { name: "김상훈", position: "팀장", action: "approved", acted_at: "2026-12-03T01:00:00Z" },
            },
          ],
        };
      }
      return undefined;
    });
    renderAt("/boxes/to_act");
    await screen.findByRole("list", { name: /결재할 문서/ });
    // A consult step is answered on its own: no checkbox.
    expect(screen.queryByRole("checkbox", { name: "문서 44 선택" })).toBeNull();
    screen.getByRole("checkbox", { name: "문서 41 선택" }).focus();
    await userEvent.keyboard(" ");
    await userEvent.click(screen.getByRole("checkbox", { name: "문서 43 선택" }));
    expect(screen.getByRole("checkbox", { name: "이 쪽의 문서 모두 선택" })).toHaveProperty("indeterminate", true);
    await userEvent.type(screen.getByRole("textbox", { name: /의견/ }), "검토 완료");
    await userEvent.click(screen.getByRole("button", { name: "선택한 2건 결재" }));
    const results = await screen.findByRole("heading", { name: "2건 중 1건 결재했습니다" });
    expect(calls.find((c) => c.path === "/api/tasks/bulk-approve/")!.body).toEqual({ task_ids: [410, 430], comment: "검토 완료" });
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    const outcomes = within(results.parentElement!).getAllByRole("listitem");
    expect(outcomes[0]).toHaveTextContent("문서 41 결재했습니다 · 예산총괄팀-12");
    expect(outcomes[1]).toHaveTextContent("문서 43 김상훈 팀장이 먼저 처리했습니다");
    // The approved one leaves the selection; the one taken first stays for a look.
    expect(screen.getByRole("checkbox", { name: "문서 41 선택" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "문서 43 선택" })).toBeChecked();
  });

  it("refuses a box the API does not have", async () => {
    wideScreen(false);
    serve();
    renderAt("/boxes/nonsense");
    expect(await screen.findByText("찾는 화면이 없습니다.")).toBeInTheDocument();
  });
});

void me;
