import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import i18n from "@/i18n";
import { ActionBar } from "./ActionBar";
import type { OfferedAction } from "./actions";

// jsdom has <dialog> but not always its modal methods.
beforeAll(() => {
  const proto = HTMLDialogElement.prototype;
  if (!proto.showModal) {
    proto.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute("open", "");
    };
    proto.close = function close(this: HTMLDialogElement) {
      this.removeAttribute("open");
      this.dispatchEvent(new Event("close"));
    };
  }
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function setup(offered: OfferedAction[], onActed = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ActionBar document={{ id: 7, title: "공유재산 실태조사 결과 보고", body: "<p>본문</p>" }} offered={offered} onActed={onActed} />
    </QueryClientProvider>,
  );
  return onActed;
}

const sent: Request[] = [];
afterEach(() => {
  sent.length = 0;
  vi.unstubAllGlobals();
});
function answer(...responses: (() => Response | Promise<Response>)[]) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      sent.push(request);
      const next = responses.shift();
      if (!next) throw new Error("unexpected request");
      return next();
    }),
  );
}

const approve: OfferedAction = { name: "approve", taskId: 11 };
const ret: OfferedAction = { name: "return", taskId: 11 };

describe("acting on a document", () => {
  beforeEach(() => void i18n.changeLanguage("ko"));

  it("sends one Idempotency-Key for one intention, the same again on a retry", async () => {
    const user = userEvent.setup();
    answer(
      () => Promise.reject(new TypeError("network down")),
      () => json(200, { actions: [], document: {}, step: {} }),
    );
    const onActed = setup([approve]);
    await user.click(screen.getByRole("button", { name: "결재" }));
    const dialog = await screen.findByRole("dialog", { name: "결재" });
    await user.type(screen.getByLabelText("의견(선택)"), "수고하셨습니다");
    const submit = screen.getAllByRole("button", { name: "결재" }).find((button) => dialog.contains(button))!;
    await user.click(submit);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(onActed).not.toHaveBeenCalled();
    await user.click(submit); // the retry
    await waitFor(() => expect(onActed).toHaveBeenCalledWith(approve));
    expect(sent).toHaveLength(2);
    const [first, second] = sent.map((request) => request.headers.get("Idempotency-Key"));
    expect(first).toBeTruthy();
    expect(second).toBe(first);
    expect(new URL(sent[1]!.url).pathname).toBe("/api/tasks/11/approve/");
    expect(await sent[1]!.json()).toEqual({ comment: "수고하셨습니다" });
  });

  it("acts once on a double tap", async () => {
    const user = userEvent.setup();
    let release: (response: Response) => void = () => undefined;
    answer(() => new Promise<Response>((resolve) => (release = resolve)));
    const onActed = setup([approve]);
    await user.click(screen.getByRole("button", { name: "결재" }));
    const dialog = await screen.findByRole("dialog", { name: "결재" });
    const submit = screen.getAllByRole("button", { name: "결재" }).find((button) => dialog.contains(button))!;
    // Two taps in the same tick, before React re-renders the pending button, then a third.
    fireEvent.click(submit);
    fireEvent.click(submit);
    await user.click(submit);
    expect(submit).toHaveAttribute("aria-busy", "true");
    release(json(200, { actions: [], document: {}, step: {} }));
    await waitFor(() => expect(onActed).toHaveBeenCalledTimes(1));
    expect(sent).toHaveLength(1);
  });

  it("refuses to send a return without its reason", async () => {
    const user = userEvent.setup();
    answer();
    setup([approve, ret]);
    await user.click(screen.getByRole("button", { name: "반려" }));
    const dialog = await screen.findByRole("dialog", { name: "반려" });
    const submit = screen.getAllByRole("button", { name: "반려" }).find((button) => dialog.contains(button))!;
    await user.click(submit);
    expect(await screen.findByText("사유를 입력하세요.")).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it("says who acted first when the server answers 409", async () => {
    const user = userEvent.setup();
    answer(() =>
      json(409, {
        type: "conflict",
        detail: "Someone has already acted on this step. Reload and try again.",
        errors: [],
        acted_by: { name: "강영희", position: "담당관", action: "returned", acted_at: "2026-12-03T16:50:00Z" },
      }),
    );
    const onActed = setup([ret]);
    await user.click(screen.getByRole("button", { name: "반려" }));
    const dialog = await screen.findByRole("dialog", { name: "반려" });
    await user.type(screen.getByLabelText(/반려 사유/), "근거 자료 보완");
    await user.click(screen.getAllByRole("button", { name: "반려" }).find((button) => dialog.contains(button))!);
    expect(await screen.findByRole("alert")).toHaveTextContent("강영희 담당관이 먼저 처리했습니다(반려, 2026. 12. 04. 01:50).");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(onActed).not.toHaveBeenCalled();
    expect(await sent[0]!.json()).toEqual({ reason: "근거 자료 보완", to: "drafter" });
  });

  it("keeps the item open after an edit (the box moves on only after a decision)", async () => {
    const user = userEvent.setup();
    answer(() => json(201, { id: 2, number: 2, reason: "edited", content_hash: "x", created_at: "2026-12-03T10:00:00Z" }));
    const onActed = setup([{ name: "edit", taskId: 11 }]);
    await user.click(screen.getByRole("button", { name: "수정 후 결재" }));
    const dialog = await screen.findByRole("dialog", { name: "수정 후 결재" });
    const title = screen.getByLabelText("제목");
    await user.clear(title);
    await user.type(title, "공유재산 실태조사 결과 보고(수정)");
    await user.click(screen.getAllByRole("button", { name: "수정 후 결재" }).find((button) => dialog.contains(button))!);
    expect(await screen.findByText("수정한 내용을 새 판으로 저장했습니다.")).toBeInTheDocument();
    expect(await sent[0]!.json()).toEqual({ content: { title: "공유재산 실태조사 결과 보고(수정)" } });
    expect(onActed).not.toHaveBeenCalled();
  });

  it("opens the approve dialog with the a key", async () => {
    const user = userEvent.setup();
    answer();
    setup([approve, ret]);
    await user.keyboard("a");
    expect(await screen.findByRole("dialog", { name: "결재" })).toBeInTheDocument();
  });
});
