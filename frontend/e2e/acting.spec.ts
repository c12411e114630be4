// Acting on a task exactly once: a double tap on the dialog's button sends one approval,
// and two browsers (the reviewer's desk and phone) acting on the same task end with one
// approval and the other told who acted first.
import { PHONE, expect, t, test } from "./fixtures";
import { actionBar, openDocument, submittedMemo, titled } from "./desk";
import type { components } from "../src/api/schema";

type Detail = components["schemas"]["DocumentDetailOutput"];

test.describe.configure({ timeout: 180_000 });

async function approvalsOf(page: import("@playwright/test").Page, id: string): Promise<number> {
  const response = await page.request.get(`/api/documents/${id}/`);
  expect(response.ok()).toBeTruthy();
  const detail = (await response.json()) as Detail;
  return detail.stages.flatMap((stage) => stage.steps).filter((step) => step.status === "approved").length;
}

test("a double tap on 결재 approves once", async ({ people }) => {
  const title = titled("청사 방역 소독 실시 계획");
  const { id } = await submittedMemo(people, title);
  const reviewer = await people.open("sanghun.kim", PHONE);
  await openDocument(reviewer, id, title);
  const posts: string[] = [];
  reviewer.on("request", (request) => {
    if (request.method() === "POST" && /\/api\/tasks\/\d+\/approve\/$/.test(request.url())) {
      posts.push(request.headers()["idempotency-key"] ?? "");
    }
  });
  await actionBar(reviewer).getByRole("button", { name: t("document", "actions.approve"), exact: true }).click();
  const dialog = reviewer.getByRole("dialog", { name: t("document", "actions.approve") });
  await dialog.getByRole("button", { name: t("document", "actions.approve"), exact: true }).dblclick();
  await expect(reviewer.getByText(t("document", "done.approve"))).toBeVisible();
  await expect(reviewer.getByRole("alert")).toHaveCount(0);
  // Every request the taps made carried one key: the server acts once whatever arrives.
  expect(new Set(posts).size).toBe(1);
  expect(await approvalsOf(reviewer, id)).toBe(1);
});

test("two browsers acting on one task: one approves, the other is told who did", async ({ people }) => {
  const title = titled("시민 참여 예산 설명회 개최");
  const { id } = await submittedMemo(people, title);
  const desk = await people.open("sanghun.kim");
  const phone = await people.open("sanghun.kim", PHONE);
  await openDocument(desk, id, title);
  await openDocument(phone, id, title);

  // Both open the approve dialog; the phone sends first, then the desk.
  for (const page of [phone, desk]) {
    await actionBar(page).getByRole("button", { name: t("document", "actions.approve"), exact: true }).click();
  }
  await phone
    .getByRole("dialog", { name: t("document", "actions.approve") })
    .getByRole("button", { name: t("document", "actions.approve"), exact: true })
    .click();
  await expect(phone.getByText(t("document", "done.approve"))).toBeVisible();
  await desk
    .getByRole("dialog", { name: t("document", "actions.approve") })
    .getByRole("button", { name: t("document", "actions.approve"), exact: true })
    .click();
  const conflict = desk.getByRole("alert");
  await expect(conflict).toContainText("김상훈");
  // "김상훈 팀장이 먼저 처리했습니다(…)": the words after the name, up to their first stop.
  const saying = t("document", "conflict.actedBy", "ko", { name: "" }).trim().split(/[.(]/)[0] ?? "";
  await expect(conflict).toContainText(saying);
  expect(await approvalsOf(desk, id)).toBe(1);
});
