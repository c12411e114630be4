import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { item, step } from "@/boxes/test-fixtures";
import i18n from "@/i18n";
import { renderApp, stubApi } from "@/test/app-harness";

const counts = { to_act: 7, on_hold: 0, post_approval_due: 0, drafts: 1, in_progress: 1, returned: 0, completed: 0, references: 0 };
const toAct = Array.from({ length: 5 }, (_, index) =>
  item(50 + index, { step: step({ id: 500 + index, ...(index === 1 ? { is_proxy: true, assignee: { id: 30, name: "박현우" } } : {}) }) }),
);
const draft = item(60, { step: null, document: { kind: "budget", status: "draft", updated_at: "2026-12-02T00:00:00Z" } });
const sent = item(61, { step: null, document: { kind: "personnel", updated_at: "2026-11-02T00:00:00Z" } });

function serve() {
  return stubApi((_request, url) => {
    if (url.pathname === "/api/boxes/") return { counts };
    const match = /^\/api\/boxes\/(\w+)\/$/.exec(url.pathname);
    if (!match) return undefined;
    const results = match[1] === "to_act" ? toAct : match[1] === "drafts" ? [draft] : match[1] === "in_progress" ? [sent] : [];
    return { count: results.length, next: null, previous: null, results };
  });
}

beforeEach(() => void i18n.changeLanguage("ko"));
afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("the home page", { timeout: 20_000 }, () => {
  it("shows each box's count and its top five, linking into the box", async () => {
    const calls = serve();
    renderApp("/");
    const toActLink = await screen.findByRole("link", { name: /결재할 문서\s*7건/ }, { timeout: 5000 });
    expect(toActLink).toHaveAttribute("href", "/boxes/to_act");
    const card = toActLink.closest("li")!;
    const rows = await within(card).findAllByRole("listitem", {}, { timeout: 5000 });
    expect(rows).toHaveLength(5);
    expect(within(rows[0]!).getByRole("link", { name: "문서 50" })).toHaveAttribute("href", "/documents/50");
    expect(within(rows[1]!).getByText("대결 · 박현우 대신")).toBeInTheDocument();
    expect(await screen.findByText("보류한 문서가 없습니다.")).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/boxes/to_act/")!.search).toContain("page_size=5");
  });

  it("offers recent forms from my own documents and keeps the ones I star", async () => {
    serve();
    renderApp("/");
    const recent = (await screen.findByRole("heading", { name: "최근 쓴 양식" })).parentElement!;
    const links = await within(recent).findAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["예산 집행 품의 쓰기", "인사발령 쓰기"]);
    expect(links[0]).toHaveAttribute("href", "/drafts/new?kind=budget");
    const star = screen.getByRole("button", { name: "기안문 즐겨찾기" });
    expect(star).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(star);
    expect(star).toHaveAttribute("aria-pressed", "true");
    const favourites = screen.getByRole("heading", { name: "즐겨찾는 양식" }).parentElement!;
    expect(within(favourites).getByRole("link", { name: "기안문 쓰기" })).toHaveAttribute("href", "/drafts/new?kind=memo");
    expect(JSON.parse(window.localStorage.getItem("dojang.favouriteForms.11")!)).toEqual(["memo"]);
  });
});
