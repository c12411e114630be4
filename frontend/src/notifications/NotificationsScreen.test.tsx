import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import i18n from "@/i18n";
import { json, renderApp, stubApi } from "@/test/app-harness";

const unreadOne = {
  id: 5,
  kind: "task_assigned",
  title: "결재 요청: 2027년 예산 집행 품의",
  body: "결재할 문서가 있습니다: 2027년 예산 집행 품의\n\nhttp://127.0.0.1:8000/app/documents/41\n",
  document: 41,
  created_at: "2026-12-02T16:30:00Z",
  read_at: null,
};
const readOne = {
  id: 4,
  kind: "approved",
  title: "결재 완료: 출장 보고",
  body: "결재가 끝났습니다.\n",
  document: 40,
  created_at: "2026-12-01T01:00:00Z",
  read_at: "2026-12-01T02:00:00Z",
};

function inbox(unread: number, results = [unreadOne, readOne], count = results.length) {
  return (request: Request, url: URL) => {
    if (url.pathname === "/api/notifications/unread-count/") return { unread };
    if (url.pathname === "/api/notifications/" && request.method === "GET") {
      return { count, next: null, previous: null, results };
    }
    if (url.pathname === "/api/notifications/5/read/") {
      unread -= 1;
      return { ...unreadOne, read_at: "2026-12-03T00:00:00Z" };
    }
    if (url.pathname === "/api/notifications/read-all/") {
      const marked = unread;
      unread = 0;
      return { marked };
    }
    return undefined;
  };
}

// The first test also loads the lazy screen and the shell: more than the default second.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });
beforeEach(() => void i18n.changeLanguage("ko"));
afterEach(() => vi.unstubAllGlobals());

describe("the notifications screen", () => {
  it("says in words which are unread, their kind and Seoul time", async () => {
    stubApi(inbox(1));
    renderApp("/notifications");
    const items = await screen.findAllByRole("listitem", { name: /결재/ });
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText("읽지 않음")).toBeInTheDocument();
    expect(within(items[0]!).getByText("결재 요청")).toBeInTheDocument();
    expect(within(items[0]!).getByText("2026. 12. 03. 01:30")).toBeInTheDocument();
    expect(within(items[1]!).queryByText("읽지 않음")).toBeNull();
    expect(within(items[1]!).queryByRole("button", { name: "읽음으로 표시" })).toBeNull();
    // The raw app link is not shown as text: the title is the link.
    expect(screen.queryByText(/127\.0\.0\.1/)).toBeNull();
    expect(screen.getByText("읽지 않은 알림 1건")).toBeInTheDocument();
  });

  it("marks one read and the header's bell follows", async () => {
    const calls = stubApi(inbox(1));
    renderApp("/notifications");
    expect(await screen.findByRole("link", { name: "알림, 읽지 않은 알림 1건" })).toBeInTheDocument();
    await userEvent.click(await screen.findByRole("button", { name: "읽음으로 표시" }));
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/notifications/5/read/")).toBe(true);
    expect(await screen.findByRole("link", { name: "알림, 읽지 않은 알림 없음" })).toBeInTheDocument();
  });

  it("opens the document inside the app and marks the notification read", async () => {
    const calls = stubApi(inbox(1));
    const { router } = renderApp("/notifications");
    await userEvent.click(await screen.findByRole("link", { name: unreadOne.title }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/documents/41"));
    expect(calls.filter((c) => c.path === "/api/notifications/5/read/")).toHaveLength(1);
  });

  it("marks all read and says how many", async () => {
    stubApi(inbox(3));
    renderApp("/notifications");
    await userEvent.click(await screen.findByRole("button", { name: "모두 읽음으로 표시" }));
    expect(await screen.findByText("알림 3건을 읽음으로 표시했습니다.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "모두 읽음으로 표시" })).toBeDisabled());
  });

  it("pages through the URL and filters unread", async () => {
    const calls = stubApi(inbox(1, [unreadOne], 45));
    const { router } = renderApp("/notifications?page=2");
    expect(await screen.findByText("3쪽 중 2쪽")).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/notifications/")?.search).toContain("page=2");
    await userEvent.click(screen.getByRole("link", { name: "다음 쪽" }));
    await waitFor(() => expect(router.state.location.search).toEqual({ page: 3 }));
    expect(screen.queryByRole("link", { name: "다음 쪽" })).toBeNull();
    await userEvent.click(screen.getByRole("link", { name: "읽지 않은 알림" }));
    await waitFor(() => expect(calls.at(-1)?.search).toContain("unread=true"));
  });

  it("speaks English when English is chosen", async () => {
    await i18n.changeLanguage("en");
    stubApi(inbox(1));
    renderApp("/notifications");
    expect(await screen.findByRole("heading", { level: 1, name: "Notifications" })).toBeInTheDocument();
    expect(await screen.findByText("Waiting for you")).toBeInTheDocument();
    expect(screen.getByText("03/12/2026, 01:30")).toBeInTheDocument();
  });

  it("answers a page past the end with a way back", async () => {
    stubApi((_request, url) =>
      url.pathname === "/api/notifications/" ? json({ type: "not_found", detail: "Invalid page.", errors: [] }, 404) : undefined,
    );
    renderApp("/notifications?page=9");
    expect(await screen.findByRole("link", { name: "첫 쪽으로" })).toBeInTheDocument();
  });
});
