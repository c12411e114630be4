import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import i18n from "@/i18n";
import { json, me, renderApp, stubApi } from "@/test/app-harness";
import { followSessionExpiry } from "./session-expiry";

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

const signedOut = () => json({ type: "not_authenticated", detail: "자격 인증 데이터가 제공되지 않았습니다.", errors: [] }, 401);

/** A server whose session can end: every call but signing in then answers not_authenticated. */
function server() {
  const state = { signedIn: true };
  const handler = (request: Request, url: URL) => {
    if (url.pathname === "/api/auth/csrf/") return {};
    if (url.pathname === "/api/auth/session/") {
      state.signedIn = true;
      return { username: me.username };
    }
    if (url.pathname === "/api/auth/session/logout/") {
      state.signedIn = false;
      return new Response(null, { status: 204 });
    }
    if (!state.signedIn) return signedOut();
    if (url.pathname === "/api/notifications/" && request.method === "GET") {
      const one = { id: 1, kind: "approved", title: "결재 완료", body: "", document: 3, created_at: "2026-12-01T00:00:00Z", read_at: null };
      return { count: 60, next: null, previous: null, results: [one] };
    }
    return undefined;
  };
  return { state, handler };
}

beforeEach(() => void i18n.changeLanguage("ko"));
afterEach(() => vi.unstubAllGlobals());

describe("an expired session", () => {
  it("returns to sign-in saying why, forgets the cache, and comes back to the same place after", async () => {
    const { state, handler } = server();
    stubApi(handler);
    const { router, queryClient } = renderApp("/notifications?page=2");
    followSessionExpiry(router, queryClient);
    expect(await screen.findByText("3쪽 중 2쪽")).toBeInTheDocument();

    state.signedIn = false; // the session times out behind the app's back
    await userEvent.click(screen.getByRole("link", { name: "읽지 않은 알림" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(router.state.location.search).toEqual({ next: "/notifications?unread=true", expired: true });
    expect(await screen.findByText("로그인이 만료되었습니다. 다시 로그인하세요.")).toBeInTheDocument();
    expect(queryClient.getQueryData(["me"])).toBeUndefined();

    await userEvent.type(screen.getByLabelText("아이디"), "haeun.song");
    await userEvent.type(screen.getByLabelText("비밀번호"), "dojang-demo");
    await userEvent.click(screen.getByRole("button", { name: "로그인" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/notifications"));
    expect(router.state.location.search).toEqual({ unread: true });
    expect(await screen.findByRole("heading", { level: 1, name: "알림" })).toBeInTheDocument();
  });

  it("a deliberate sign-out goes to sign-in without the expiry message and clears the cache", async () => {
    const { handler } = server();
    const calls = stubApi(handler);
    const { router, queryClient } = renderApp("/notifications");
    followSessionExpiry(router, queryClient);
    await userEvent.click(await screen.findByRole("button", { name: /송하은/ }));
    await userEvent.click(screen.getByRole("button", { name: "로그아웃" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/auth/session/logout/")).toBe(true);
    expect(router.state.location.search).toEqual({});
    expect(screen.queryByText("로그인이 만료되었습니다. 다시 로그인하세요.")).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it("a sign-out the server never heard stays signed in and says so", async () => {
    const { handler } = server();
    stubApi((request, url) => {
      if (url.pathname === "/api/auth/session/logout/") throw new TypeError("Failed to fetch");
      return handler(request, url);
    });
    const { router } = renderApp("/notifications");
    await userEvent.click(await screen.findByRole("button", { name: /송하은/ }));
    await userEvent.click(screen.getByRole("button", { name: "로그아웃" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("로그아웃하지 못했습니다");
    expect(router.state.location.pathname).toBe("/notifications");
  });
});

describe("the language switch", () => {
  it("turns every string of the shell to English, with html lang and the window title", async () => {
    stubApi((_request, url) => (url.pathname === "/api/notifications/unread-count/" ? { unread: 2 } : undefined));
    renderApp("/absence");
    await userEvent.click(await screen.findByRole("button", { name: /송하은/ }));
    await userEvent.click(screen.getByRole("button", { name: "English" }));
    expect(document.documentElement.lang).toBe("en");
    expect(document.title).toBe("Dojang e-approval");
    const nav = screen.getByRole("navigation", { name: "Main menu" });
    expect(nav).toHaveTextContent(/Home.*Boxes.*New draft.*Absence/);
    expect(screen.getByRole("link", { name: "Notifications, 2 unread" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Song Haeun/ })).toBeInTheDocument();
    expect(screen.getByText("Officer, 예산총괄팀")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Skip to content" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Absence" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "한국어" }));
    expect(document.documentElement.lang).toBe("ko");
    expect(screen.getByRole("navigation", { name: "주 메뉴" })).toHaveTextContent(/홈.*결재함.*기안하기.*부재 설정/);
  });
});
