import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRouter, RouterProvider } from "@tanstack/react-router";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { lineRoute } from "@/line/routes";
import { appRoute, rootRoute } from "@/routes/root";
import { type Recorded, stubApi } from "@/test/app-harness";
import { draftEditRoute, draftNewRoute } from "./routes";

const routeTree = rootRoute.addChildren([appRoute.addChildren([draftNewRoute, draftEditRoute, lineRoute])]);

function detail(overrides: Record<string, unknown> = {}) {
  return {
    id: 5,
    kind: "memo",
    status: "draft",
    title: "운영 계획",
    number: null,
    drafter: { id: 11, name: "송하은", position: "주무관", unit: "예산총괄팀" },
    unit: { id: 3, code: "BUDGET-T1", name: "예산총괄팀" },
    created_at: "2026-12-03T01:00:00Z",
    updated_at: "2026-12-03T01:00:00Z",
    submitted_at: null,
    approved_at: null,
    body: "<p>본문</p>",
    recipient: "",
    retention_period: "5y",
    proposed_disclosure_level: "", // as the server starts a draft: not chosen yet
    proposed_disclosure_grounds: [],
    lock_version: 2,
    current_version: null,
    budget: null,
    personnel: null,
    attachments: [],
    stages: [],
    references: [],
    timeline: [],
    warnings: [],
    ...overrides,
  };
}

function withEtag(body: unknown, etag: string, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ETag: etag } });
}

function problem(status: number, errors: { field: string; message: string }[], detail = "Invalid input."): Response {
  const body = { type: status === 409 ? "conflict" : "validation_error", detail, errors: errors.map((e) => ({ ...e, code: "invalid" })) };
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function renderAt(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createRouter({ routeTree, history: createMemoryHistory({ initialEntries: [path] }), context: { queryClient } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

// Saves and marks; the detector's scan is a read sent by POST.
const writes = (recorded: Recorded[]) =>
  recorded.filter((r) => r.method !== "GET" && r.path !== "/api/disclosure/draft-scan/");

beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
    this.dispatchEvent(new Event("close"));
  };
  // ProseMirror measures the caret; jsdom has no layout.
  Range.prototype.getClientRects ??= () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as never;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
  document.elementFromPoint ??= () => null;
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function useFakeClock() {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["setTimeout", "clearTimeout", "Date"] });
  return userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
}

describe("a new memo", () => {
  it("is created a few seconds after its title is typed, then edited at its own address", { timeout: 20_000 }, async () => {
    const user = useFakeClock();
    const recorded = stubApi((request, url) => {
      if (url.pathname === "/api/documents/" && request.method === "POST") return withEtag(detail({ title: "정보공개 운영 계획", body: "" }), '"5-1"', 201);
      if (url.pathname === "/api/documents/5/") return withEtag(detail({ title: "정보공개 운영 계획", body: "", lock_version: 1 }), '"5-1"');
      if (url.pathname === "/api/documents/5/attachments/") return [];
      return undefined;
    });
    const router = renderAt("/drafts/new?kind=memo");
    const title = await screen.findByRole("textbox", { name: "제목" });
    await user.type(title, "정보공개 운영 계획");
    expect(writes(recorded)).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(3100));
    await waitFor(() => expect(router.state.location.pathname).toBe("/documents/5/edit"));
    const [created] = writes(recorded);
    expect(created).toMatchObject({ method: "POST", path: "/api/documents/", body: { kind: "memo", title: "정보공개 운영 계획" } });
    expect(await screen.findByText(/저장됨 \d\d:\d\d/)).toBeInTheDocument();
    // Nothing changed since: the edit screen sends nothing more.
    await act(() => vi.advanceTimersByTimeAsync(3100));
    expect(writes(recorded)).toHaveLength(1);
  });

  it("sends nothing for an Enter that ends a Hangul composition in the title", async () => {
    const user = useFakeClock();
    const recorded = stubApi(() => undefined);
    const router = renderAt("/drafts/new?kind=memo");
    const title = await screen.findByRole("textbox", { name: "제목" });
    fireEvent.compositionStart(title);
    fireEvent.change(title, { target: { value: "사과" } });
    const enter = fireEvent.keyDown(title, { key: "Enter", keyCode: 229, isComposing: true });
    // Still composing when the pause ends: the save waits for the syllable.
    await act(() => vi.advanceTimersByTimeAsync(3100));
    expect(writes(recorded)).toEqual([]);
    fireEvent.compositionEnd(title);
    expect(enter).toBe(false); // the Enter was kept from the form
    expect(title).toHaveValue("사과");
    expect(router.state.location.pathname).toBe("/drafts/new");
    void user;
  });
});

describe("an opened draft", () => {
  it("shows the server's words under the exact field it names", { timeout: 20_000 }, async () => {
    const user = useFakeClock();
    const budgetDraft = detail({
      kind: "budget",
      budget: { fiscal_year: 2026, budget_line: 4, budget_line_code: "B-1", amount: 5000, payee: "도장상사", purpose: "유지보수", committed_at: null },
    });
    stubApi((request, url) => {
      if (url.pathname === "/api/documents/5/" && request.method === "GET") return withEtag(budgetDraft, '"5-2"');
      if (url.pathname === "/api/documents/5/" && request.method === "PATCH") {
        return problem(400, [{ field: "budget.fiscal_year", message: "이 예산과목은 다른 회계연도의 것입니다." }]);
      }
      if (url.pathname === "/api/budget-lines/") {
        return { count: 1, next: null, previous: null, results: [{ id: 4, code: "B-1", name: "운영비", fiscal_year: 2026, unit: 3, unit_name: "예산총괄팀", allocation: 10000, committed: 2000, remaining: 8000 }] };
      }
      if (url.pathname === "/api/documents/5/attachments/") return [];
      return undefined;
    });
    renderAt("/documents/5/edit");
    const payee = await screen.findByRole("textbox", { name: "지급처" });
    await user.type(payee, "(주)");
    await act(() => vi.advanceTimersByTimeAsync(3100));
    const year = screen.getByRole("textbox", { name: "회계연도" });
    await waitFor(() => expect(year).toHaveAttribute("aria-invalid", "true"));
    expect(year).toHaveAccessibleDescription("이 예산과목은 다른 회계연도의 것입니다.");
    expect(screen.getByText("저장하지 못했습니다. 표시한 항목을 확인하세요.")).toBeInTheDocument();
    // The line's remaining amount is shown with the choice.
    expect(screen.getByText("배정 10,000원 · 집행 2,000원 · 잔액 8,000원")).toBeInTheDocument();
  });

  it("on a conflict asks whose version to keep, and keeping mine saves over theirs with their ETag", async () => {
    const user = useFakeClock();
    let patches = 0;
    const recorded = stubApi((request, url) => {
      if (url.pathname === "/api/documents/5/" && request.method === "GET") {
        return patches === 0 ? withEtag(detail(), '"5-2"') : withEtag(detail({ title: "다른 탭의 제목", lock_version: 3, updated_at: "2026-12-03T02:10:00Z" }), '"5-3"');
      }
      if (url.pathname === "/api/documents/5/" && request.method === "PATCH") {
        patches += 1;
        if (patches === 1) return problem(409, [], "다른 사람이 먼저 고쳤습니다.");
        return withEtag(detail({ title: "운영 계획(안)", lock_version: 4 }), '"5-4"');
      }
      if (url.pathname === "/api/documents/5/attachments/") return [];
      return undefined;
    });
    renderAt("/documents/5/edit");
    const title = await screen.findByRole("textbox", { name: "제목" });
    await user.type(title, "(안)");
    await act(() => vi.advanceTimersByTimeAsync(3100));
    const dialog = await screen.findByRole("dialog", { name: "다른 곳에서 먼저 저장했습니다" });
    const row = within(dialog).getByRole("row", { name: /제목/ });
    expect(row).toHaveTextContent("다른 탭의 제목");
    expect(row).toHaveTextContent("운영 계획(안)");
    await user.click(within(dialog).getByRole("button", { name: "내 내용 유지" }));
    await waitFor(() => expect(patches).toBe(2));
    const fetches = vi.mocked(fetch).mock.calls.map(([request]) => request as Request).filter((r) => r.method === "PATCH");
    expect(fetches.map((r) => r.headers.get("If-Match"))).toEqual(['"5-2"', '"5-3"']);
    expect(writes(recorded)[1]?.body).toMatchObject({ title: "운영 계획(안)" });
    expect(await screen.findByText(/저장됨/)).toBeInTheDocument();
  });
});

describe("personal information in the text", () => {
  it("is shown by its paragraph with what to do, and withholding it proposes partial disclosure on ground 6", { timeout: 20_000 }, async () => {
    const user = useFakeClock();
    const body = "<p>1. 관련: 운영 지침</p><p>2. 민원인 연락처 010-1234-5678</p>";
    let saved = detail({ body });
    const recorded = stubApi((request, url) => {
      if (url.pathname === "/api/documents/5/" && request.method === "GET") return withEtag(saved, '"5-2"');
      if (url.pathname === "/api/documents/5/" && request.method === "PATCH") {
        saved = detail({ body, proposed_disclosure_level: "partial", proposed_disclosure_grounds: [6], lock_version: 3 });
        return withEtag(saved, '"5-3"');
      }
      if (url.pathname === "/api/disclosure/draft-scan/") {
        return {
          findings: [
            { kind: "phone", kind_label: "휴대전화번호", part: "body", paragraph: 1, start: 10, end: 23, preview: "010-****-5678" },
          ],
        };
      }
      if (url.pathname === "/api/disclosure/documents/5/withheld-paragraphs/" && request.method === "GET") {
        return [
          { index: 0, text: "1. 관련: 운영 지침", mark: null },
          { index: 1, text: "2. 민원인 연락처 010-1234-5678", mark: null },
        ];
      }
      if (url.pathname === "/api/disclosure/documents/5/withheld-paragraphs/1/") {
        return { index: 1, text: "2. 민원인 연락처 010-1234-5678", mark: { index: 1, ground: 6, note: "", anchored: true } };
      }
      if (url.pathname === "/api/documents/5/attachments/") return [];
      return undefined;
    });
    renderAt("/documents/5/edit");
    await screen.findByRole("textbox", { name: "제목" });
    await act(() => vi.advanceTimersByTimeAsync(1300));
    const warnings = await screen.findByRole("region", { name: /개인정보로 보이는 내용이 1건/ });
    expect(warnings).toHaveTextContent("2문단 · 휴대전화번호 010-****-5678");
    expect(warnings).toHaveTextContent("사무실 번호로 바꾸거나 지우세요");
    // The scan named the document, so its officials count as public names.
    expect(recorded.find((r) => r.path === "/api/disclosure/draft-scan/")?.body).toMatchObject({ document: 5, body });
    await user.click(within(warnings).getByRole("button", { name: "2문단 비공개 표시(제6호)" }));
    await waitFor(() =>
      expect(writes(recorded).map((r) => `${r.method} ${r.path}`)).toEqual([
        "PATCH /api/documents/5/",
        "PUT /api/disclosure/documents/5/withheld-paragraphs/1/",
      ]),
    );
    expect(writes(recorded)[0]?.body).toMatchObject({ proposed_disclosure_level: "partial", proposed_disclosure_grounds: [6] });
    expect(writes(recorded)[1]?.body).toEqual({ ground: 6, note: "" });
    expect(screen.getByRole("radio", { name: "부분공개" })).toBeChecked();
    expect(within(warnings).getByRole("button", { name: "2문단으로 이동" })).toBeInTheDocument();
  });
});

describe("the disclosure level", () => {
  it("has none chosen, and going to the line without one says so on the radio group and moves there", { timeout: 20_000 }, async () => {
    const user = useFakeClock();
    const recorded = stubApi((request, url) => {
      if (url.pathname === "/api/documents/5/" && request.method === "GET") return withEtag(detail(), '"5-2"');
      if (url.pathname === "/api/documents/5/" && request.method === "PATCH") {
        return withEtag(detail({ proposed_disclosure_level: "open", lock_version: 3 }), '"5-3"');
      }
      if (url.pathname === "/api/documents/5/attachments/") return [];
      return undefined;
    });
    const router = renderAt("/documents/5/edit");
    await screen.findByRole("textbox", { name: "제목" });
    const group = screen.getByRole("radiogroup", { name: "공개 여부(제안)" });
    for (const radio of within(group).getAllByRole("radio")) expect(radio).not.toBeChecked();

    await user.click(screen.getByRole("button", { name: "결재선 지정" }));
    await waitFor(() => expect(group).toHaveAttribute("aria-invalid", "true"));
    expect(group).toHaveAccessibleDescription(expect.stringContaining("공개 여부(공개, 부분공개, 비공개)를 선택하세요."));
    expect(within(group).getByRole("radio", { name: "공개" })).toHaveFocus();
    expect(screen.getByRole("alert")).toHaveTextContent("표시한 항목을 고친 뒤 결재선을 지정하세요.");
    expect(router.state.location.pathname).toBe("/documents/5/edit");
    expect(writes(recorded)).toEqual([]);

    // Choosing clears the message; the choice is saved and the line opens.
    await user.click(within(group).getByRole("radio", { name: "공개" }));
    await waitFor(() => expect(group).not.toHaveAttribute("aria-invalid"));
    await user.click(screen.getByRole("button", { name: "결재선 지정" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/documents/5/line"));
    expect(writes(recorded)[0]?.body).toMatchObject({ proposed_disclosure_level: "open", proposed_disclosure_grounds: [] });
  });

  it("saves while none is chosen, sending it blank", { timeout: 20_000 }, async () => {
    const user = useFakeClock();
    const recorded = stubApi((request, url) => {
      if (url.pathname === "/api/documents/5/" && request.method === "GET") return withEtag(detail(), '"5-2"');
      if (url.pathname === "/api/documents/5/" && request.method === "PATCH") return withEtag(detail({ title: "운영 계획(안)", lock_version: 3 }), '"5-3"');
      if (url.pathname === "/api/documents/5/attachments/") return [];
      return undefined;
    });
    renderAt("/documents/5/edit");
    await user.type(await screen.findByRole("textbox", { name: "제목" }), "(안)");
    await act(() => vi.advanceTimersByTimeAsync(3100));
    await waitFor(() => expect(writes(recorded)).toHaveLength(1));
    expect(writes(recorded)[0]?.body).toMatchObject({ title: "운영 계획(안)", proposed_disclosure_level: "", proposed_disclosure_grounds: [] });
    expect(await screen.findByText(/저장됨 \d\d:\d\d/)).toBeInTheDocument();
    expect(screen.getByRole("radiogroup", { name: "공개 여부(제안)" })).not.toHaveAttribute("aria-invalid");
  });

  it("shows the server's refusal of the level on the radio group", { timeout: 20_000 }, async () => {
    const user = useFakeClock();
    stubApi((request, url) => {
      if (url.pathname === "/api/documents/5/" && request.method === "GET") return withEtag(detail(), '"5-2"');
      if (url.pathname === "/api/documents/5/" && request.method === "PATCH") {
        return problem(400, [{ field: "proposed_disclosure_level", message: "공개 여부(공개, 부분공개, 비공개)를 선택하세요." }]);
      }
      if (url.pathname === "/api/documents/5/attachments/") return [];
      return undefined;
    });
    renderAt("/documents/5/edit");
    await user.type(await screen.findByRole("textbox", { name: "제목" }), "(안)");
    await act(() => vi.advanceTimersByTimeAsync(3100));
    const group = screen.getByRole("radiogroup", { name: "공개 여부(제안)" });
    await waitFor(() => expect(group).toHaveAttribute("aria-invalid", "true"));
    expect(group).toHaveAccessibleDescription(expect.stringContaining("공개 여부(공개, 부분공개, 비공개)를 선택하세요."));
  });
});

describe("signals of grounds for withholding", () => {
  const signals = [
    {
      ground: 5,
      level: "closed",
      reason: "입찰 전 예정가격 등 계약 정보",
      lapse_event: "contract_awarded",
      citation: "정보공개법 제9조제1항제5호",
    },
    { ground: 6, level: "partial", reason: "개인에 관한 정보", lapse_event: null, citation: "정보공개법 제9조제1항제6호" },
  ];

  it("are listed where the level is chosen, the kind sent with the text, and choosing open warns but does not stop", { timeout: 20_000 }, async () => {
    const user = useFakeClock();
    const body = "<p>예정가격은 1억 원입니다.</p>";
    const recorded = stubApi((request, url) => {
      if (url.pathname === "/api/documents/5/" && request.method === "GET") return withEtag(detail({ body }), '"5-2"');
      if (url.pathname === "/api/documents/5/" && request.method === "PATCH") {
        return withEtag(detail({ body, proposed_disclosure_level: "open", lock_version: 3 }), '"5-3"');
      }
      if (url.pathname === "/api/disclosure/draft-scan/") {
        return { findings: [], signals, suggested_level: "closed", suggested_grounds: [5, 6] };
      }
      if (url.pathname === "/api/documents/5/attachments/") return [];
      return undefined;
    });
    const router = renderAt("/documents/5/edit");
    await screen.findByRole("textbox", { name: "제목" });
    await act(() => vi.advanceTimersByTimeAsync(1300));
    const list = await screen.findByRole("region", { name: "이 문서에는 비공개 사유의 신호가 있습니다" });
    expect(recorded.find((r) => r.path === "/api/disclosure/draft-scan/")?.body).toMatchObject({ kind: "memo", document: 5, body });
    expect(list.parentElement).toHaveAttribute("aria-live", "polite");
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("제5호 감사·감독·협상·의사결정 과정 또는 내부검토 중인 사항 비공개 대상");
    expect(items[0]).toHaveTextContent("입찰 전 예정가격 등 계약 정보");
    expect(items[0]).toHaveTextContent("계약 체결 후 공개 재검토");
    expect(items[1]).toHaveTextContent("제6호 개인정보 부분공개 대상");
    expect(items[1]).not.toHaveTextContent("공개 재검토");
    expect(list).toHaveTextContent("자동으로 공개되지 않습니다. 공개 여부는 기록물 담당자가 결정합니다.");
    expect(list).not.toHaveTextContent("공개를 골랐습니다.");

    await user.click(screen.getByRole("radio", { name: "공개" }));
    expect(list).toHaveTextContent("공개를 골랐습니다.");
    expect(list).toHaveTextContent("그대로 상신할 수 있습니다.");
    await user.click(screen.getByRole("button", { name: "결재선 지정" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/documents/5/line"));
  });
});
