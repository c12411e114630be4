// The desk's main journey, as four people do it in their own browsers: the drafter
// (haeun.song, 예산총괄팀) drafts a memo, takes the suggested line (review 김상훈 팀장,
// approve 강영희 담당관: backend/core/demo_documents/cast.py), adds a consultee of another
// unit (이현우 과장, 인사과) typed in Hangul, and submits; the reviewer approves on a phone
// (390x844); the consultee disagrees; the final approver approves; the drafter opens the
// signed PDF and verifies it.
import { PHONE, expect, t, test } from "./fixtures";
import { act, draftMemo, openDocument, submitLine, titled } from "./desk";
import { typeWithIme } from "./ime";
import { shoot } from "./shots";

test.describe.configure({ timeout: 240_000 });

test("a memo from draft to signed PDF, through four people's hands", async ({ people }) => {
  const title = titled("2027년 시민 안전교육 운영 계획");
  const drafter = await people.open("haeun.song");
  const id = await draftMemo(drafter, title, true);

  // The suggested line is there; 이현우 joins as a consultee, found by typing his name.
  const steps = drafter.getByRole("list", { name: t("line", "steps.label") });
  await expect(steps.getByText("김상훈")).toBeVisible();
  await expect(steps.getByText("강영희")).toBeVisible();
  await drafter.getByRole("radio", { name: t("line", "role.consult") }).check();
  const search = drafter.getByRole("combobox", { name: t("line", "add.search", "ko", { role: t("line", "roleIn.consult") }) });
  await typeWithIme(drafter, search, "이현우");
  await drafter.getByRole("option", { name: /이현우/ }).first().click();
  await expect(steps.getByText("이현우")).toBeVisible();
  await shoot(drafter, "line-editor", { fullPage: true });
  await submitLine(drafter, id);
  await expect(drafter.getByText(t("document", "status.in_progress")).first()).toBeVisible();
  await shoot(drafter, "document-submitted", { fullPage: true });

  // The reviewer, on a phone.
  const reviewer = await people.open("sanghun.kim", PHONE);
  await openDocument(reviewer, id, title);
  await shoot(reviewer, "phone-document");
  await act(reviewer, "approve", "교육 장소와 일정을 확인했습니다.", "phone-approve-dialog");
  await shoot(reviewer, "phone-approved");

  // The consultee disagrees, with his reason.
  const consultee = await people.open("hyeonu.lee");
  await openDocument(consultee, id, title);
  await act(consultee, "disagree", "인사과 교육 일정과 겹치므로 조정이 필요합니다.", "disagree-dialog");

  // The final approver sees the disagreement and approves.
  const approver = await people.open("yeonghui.kang");
  await openDocument(approver, id, title);
  await expect(approver.getByText("인사과 교육 일정과 겹치므로 조정이 필요합니다.").first()).toBeVisible();
  await act(approver, "approve");
  await expect(approver.getByText(t("document", "status.approved")).first()).toBeVisible();

  // The drafter opens the signed PDF once the background job has signed it.
  await drafter.reload();
  await expect(drafter.getByText(t("document", "pdf.status.done"), { exact: true })).toBeVisible({ timeout: 90_000 });
  await drafter.getByRole("button", { name: t("document", "pdf.open") }).click();
  await expect(drafter.locator(`iframe[title$="${t("document", "pdf.frame", "ko", { name: "" }).trim()}"]`)).toBeVisible();
  await drafter.getByRole("button", { name: t("document", "pdf.verify") }).click();
  await expect(drafter.getByText(t("document", "pdf.valid"))).toBeVisible();
  await shoot(drafter, "signed-pdf", { fullPage: true });
});
