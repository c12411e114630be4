import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import i18n from "@/i18n";
import { json, me, renderApp, stubApi } from "@/test/app-harness";

const deputy = {
  id: 21,
  employee_number: "2012-0021",
  name: "김상훈",
  name_en: "Kim Sanghun",
  unit: { id: 3, code: "BUDGET-T1", name: "예산총괄팀", kind: "team" },
  position: { id: 4, title: "팀장", title_en: "Team leader", rank: 5, is_head: true },
};
const brief = { id: 21, employee_number: "2012-0021", name: "김상훈", unit: deputy.unit };
const upcoming = {
  id: 8,
  person: { id: me.person.id, employee_number: me.person.employee_number, name: me.person.name, unit: me.person.unit },
  deputy: brief,
  starts_at: "2099-01-04T00:00:00Z",
  ends_at: "2099-01-05T09:00:00Z",
  reason: "연가",
  created_at: "2026-12-01T00:00:00Z",
};
const past = { ...upcoming, id: 7, starts_at: "2020-01-01T00:00:00Z", ends_at: "2020-01-02T00:00:00Z", reason: "" };

function server(onWrite?: (request: Request) => Response | undefined) {
  return (request: Request, url: URL) => {
    if (url.pathname === "/api/absences/" && request.method === "GET") {
      return { count: 2, next: null, previous: null, results: [past, upcoming] };
    }
    if (url.pathname === "/api/absences/preview/") {
      return {
        person: upcoming.person,
        deputy: brief,
        starts_at: url.searchParams.get("starts_at"),
        ends_at: url.searchParams.get("ends_at"),
        steps: [
          { step: 1, document: 41, title: "2027년 예산 집행 품의", document_kind: "budget", step_kind: "review", status: "pending", due_at: null, when: "at_start", moves: true, refusal: null },
          { step: 2, document: 42, title: "인사 발령", document_kind: "personnel", step_kind: "approve", status: "waiting", due_at: null, when: "if_opened", moves: false, refusal: "대결자의 직급이 이 결재에 필요한 직급보다 낮습니다." },
        ],
      };
    }
    if (url.pathname === "/api/people/21/") return deputy;
    if (url.pathname === "/api/people/") return { count: 1, next: null, previous: null, results: [deputy] };
    if (request.method !== "GET") return onWrite?.(request);
    return undefined;
  };
}

async function pickDeputy() {
  const combobox = screen.getByRole("combobox", { name: /대결자/ });
  await userEvent.type(combobox, "김상");
  await userEvent.click(await screen.findByRole("option", { name: /김상훈/ }));
  // jsdom keeps React Aria's popover open after the press (no exit animation ends there).
  if (screen.queryByRole("listbox")) await userEvent.keyboard("{Escape}");
  await waitFor(() => expect(screen.getByRole("combobox", { name: /대결자/ })).toHaveValue("김상훈"));
}

beforeAll(() => {
  // jsdom has no modal dialogs: open and close as the browser does, attribute and event.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
    this.dispatchEvent(new Event("close"));
  };
});
// The first test also loads the lazy screen and the shell: more than the default second.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });
beforeEach(() => void i18n.changeLanguage("ko"));
afterEach(() => vi.unstubAllGlobals());

describe("the absence screen", () => {
  it("lists my absences, saying in words which is ahead and which is over", async () => {
    const calls = stubApi(server());
    renderApp("/absence");
    const mine = await screen.findByRole("region", { name: "내 부재" });
    const items = await within(mine).findAllByRole("listitem");
    expect(within(items[0]!).getByText("예정")).toBeInTheDocument();
    expect(within(items[0]!).getByText("대결자: 김상훈 (예산총괄팀)")).toBeInTheDocument();
    expect(within(items[1]!).getByText("지난 부재")).toBeInTheDocument();
    expect(within(items[1]!).queryByRole("button", { name: "부재 취소" })).toBeNull();
    expect(calls.find((c) => c.path === "/api/absences/")?.search).toContain(`person=${me.person.id}`);
  });

  it("adds an absence in Seoul time with the deputy chosen", async () => {
    const calls = stubApi(server(() => json({ ...upcoming, id: 9 }, 201)));
    renderApp("/absence");
    fireEvent.change(await screen.findByLabelText("시작 일시"), { target: { value: "2026-12-10T09:00" } });
    fireEvent.change(screen.getByLabelText("종료 일시"), { target: { value: "2026-12-11T18:00" } });
    await pickDeputy();
    await userEvent.type(screen.getByLabelText("사유"), "출장");
    await userEvent.click(screen.getByRole("button", { name: "부재 등록" }));
    expect(await screen.findByText("부재를 등록했습니다. 기간 중 결재는 김상훈에게 넘어갑니다.")).toBeInTheDocument();
    const post = calls.find((c) => c.method === "POST" && c.path === "/api/absences/");
    expect(post?.body).toEqual({ starts_at: "2026-12-10T09:00:00+09:00", ends_at: "2026-12-11T18:00:00+09:00", deputy: 21, reason: "출장" });
  });

  it("shows before saving what would move to the deputy and what stays", async () => {
    const calls = stubApi(server());
    renderApp("/absence");
    expect(await screen.findByText(/기간과 대결자를 정하면/)).toBeInTheDocument();
    fireEvent.change(await screen.findByLabelText("시작 일시"), { target: { value: "2026-12-10T09:00" } });
    fireEvent.change(screen.getByLabelText("종료 일시"), { target: { value: "2026-12-11T18:00" } });
    await pickDeputy();
    const section = screen.getByRole("region", { name: "대결자에게 넘어갈 결재" });
    expect(await within(section).findByText("결재 1건이 김상훈에게 넘어갑니다. 1건은 넘어가지 않습니다.")).toBeInTheDocument();
    expect(within(section).getByText("부재가 시작되면 김상훈에게 넘어갑니다.")).toBeInTheDocument();
    expect(within(section).getByText(/대결자의 직급이/)).toBeInTheDocument();
    const asked = calls.find((c) => c.path === "/api/absences/preview/");
    expect(new URLSearchParams(asked?.search).get("starts_at")).toBe("2026-12-10T09:00:00+09:00");
    expect(new URLSearchParams(asked?.search).get("deputy")).toBe("21");
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("asks for what is missing before sending anything", async () => {
    const calls = stubApi(server());
    renderApp("/absence");
    await userEvent.click(await screen.findByRole("button", { name: "부재 등록" }));
    expect(await screen.findByLabelText("시작 일시")).toHaveAccessibleDescription("시작 일시를 입력하세요.");
    expect(screen.getByRole("combobox", { name: /대결자/ })).toHaveAccessibleDescription(/대결자를 입력하세요/);
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("shows the server's refusal on the exact field", async () => {
    stubApi(
      server(() =>
        json(
          {
            type: "validation_error",
            detail: "입력값이 올바르지 않습니다.",
            errors: [
              { field: "deputy", code: "invalid", message: "대결자가 이 기간에 부재 중입니다." },
              { field: "ends_at", code: "invalid", message: "부재는 시작한 뒤에 끝나야 합니다." },
            ],
          },
          400,
        ),
      ),
    );
    renderApp("/absence");
    fireEvent.change(await screen.findByLabelText("시작 일시"), { target: { value: "2026-12-10T09:00" } });
    fireEvent.change(screen.getByLabelText("종료 일시"), { target: { value: "2026-12-09T18:00" } });
    await pickDeputy();
    await userEvent.click(screen.getByRole("button", { name: "부재 등록" }));
    await waitFor(() => expect(screen.getByLabelText("종료 일시")).toHaveAccessibleDescription("부재는 시작한 뒤에 끝나야 합니다."));
    expect(screen.getByLabelText("시작 일시")).not.toHaveAccessibleDescription();
    expect(screen.getByRole("combobox", { name: /대결자/ })).toHaveAccessibleDescription(/대결자가 이 기간에 부재 중입니다/);
  });

  it("changes an absence opened from the list, and sends a PATCH", async () => {
    const calls = stubApi(server(() => json({ ...upcoming, reason: "병가" })));
    const { router } = renderApp("/absence");
    await userEvent.click(await screen.findByRole("link", { name: "변경" }));
    await waitFor(() => expect(router.state.location.search).toEqual({ edit: 8 }));
    expect(await screen.findByRole("heading", { name: "부재 변경" })).toHaveFocus();
    expect(screen.getByLabelText("시작 일시")).toHaveValue("2099-01-04T09:00");
    expect(screen.getByRole("combobox", { name: /대결자/ })).toHaveValue("김상훈");
    const reason = screen.getByLabelText("사유");
    await userEvent.clear(reason);
    await userEvent.type(reason, "병가");
    await userEvent.click(screen.getByRole("button", { name: "변경 저장" }));
    expect(await screen.findByText("부재를 변경했습니다.")).toBeInTheDocument();
    const patch = calls.find((c) => c.method === "PATCH");
    expect(patch?.path).toBe("/api/absences/8/");
    expect(patch?.body).toMatchObject({ reason: "병가", deputy: 21, starts_at: "2099-01-04T09:00:00+09:00" });
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it("still changes (never re-creates) an absence whose deputy the people API no longer lists", async () => {
    const base = server(() => json(upcoming));
    const calls = stubApi((request, url) =>
      url.pathname === "/api/people/21/" ? json({ type: "not_found", detail: "없음", errors: [] }, 404) : base(request, url),
    );
    renderApp("/absence?edit=8");
    expect(await screen.findByRole("combobox", { name: /대결자/ })).toHaveValue("김상훈");
    await userEvent.click(screen.getByRole("button", { name: "변경 저장" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH" && c.path === "/api/absences/8/")).toBe(true));
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("cancels an absence only after asking", async () => {
    const calls = stubApi(server(() => new Response(null, { status: 204 })));
    renderApp("/absence");
    await userEvent.click(await screen.findByRole("button", { name: "부재 취소" }));
    const dialog = await screen.findByRole("dialog", { name: "이 부재를 취소할까요?" });
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);
    await userEvent.click(within(dialog).getByRole("button", { name: "부재 취소" }));
    expect(await screen.findByText("부재를 취소했습니다.")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "DELETE")?.path).toBe("/api/absences/8/");
  });
});
