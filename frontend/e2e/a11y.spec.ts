// axe on every route and open dialog, in Korean and English, at 360 and 1280 px: each test
// walks one person's screens in one language at one width and checks every state it opens.
// Violations are soft failures, so one bad state does not hide the next.
import type { Page } from "@playwright/test";
import { type Lang, exact, expect, signIn, t, test, useLanguage } from "./fixtures";
import { firstDocumentIn } from "./api";
import { actionBar, levelRadio, savedStatus } from "./desk";
import { shoot } from "./shots";

// A walk opens a dozen screens and runs axe on each: minutes, not seconds, on two cores.
test.describe.configure({ timeout: 300_000 });

interface Walk {
  user?: string;
  states: Array<{ name: string; open(page: Page, lang: Lang): Promise<void>; exclude?: string[] }>;
}

const mainHeading = (page: Page) => page.locator("main").getByRole("heading", { level: 1 });

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(mainHeading(page)).toBeVisible();
}

const WALKS: Record<string, Walk> = {
  "signed out": {
    states: [
      {
        name: "sign-in",
        async open(page, lang) {
          await page.goto("sign-in");
          await expect(page.getByRole("button", { name: exact(t("auth", "submit", lang)) })).toBeVisible();
        },
      },
      {
        name: "sign-in, fields missing",
        async open(page, lang) {
          await page.getByRole("button", { name: exact(t("auth", "submit", lang)) }).click();
          await expect(page.getByLabel(t("auth", "username", lang))).toHaveAttribute("aria-invalid", "true");
        },
      },
      {
        name: "sign-in, refused",
        async open(page, lang) {
          await page.getByLabel(t("auth", "username", lang)).fill(`nobody.${lang}.${page.viewportSize()?.width}`);
          await page.getByLabel(t("auth", "password", lang)).fill("not-the-password");
          await page.getByRole("button", { name: exact(t("auth", "submit", lang)) }).click();
          await expect(page.getByRole("alert")).toBeVisible();
        },
      },
      {
        name: "sign-in, session expired",
        async open(page) {
          await page.goto("sign-in?expired=true");
          await expect(page.getByRole("status")).toBeVisible();
        },
      },
      {
        name: "not found",
        async open(page, lang) {
          await page.goto("no-such-screen");
          await expect(page.getByText(t("common", "state.notFound", lang))).toBeVisible();
        },
      },
    ],
  },
  drafter: {
    user: "haeun.song",
    states: [
      { name: "home", open: (page) => visit(page, "./") },
      {
        name: "account menu open",
        async open(page, lang) {
          await page.getByRole("button", { name: /송하은|Song/ }).click();
          await expect(page.getByRole("button", { name: exact(t("common", "account.signOut", lang)) })).toBeVisible();
        },
      },
      { name: "notifications", open: (page) => visit(page, "notifications") },
      { name: "boxes: drafts", open: (page) => visit(page, "boxes/drafts") },
      { name: "boxes: returned", open: (page) => visit(page, "boxes/returned") },
      { name: "new draft: kinds", open: (page) => visit(page, "drafts/new") },
      { name: "new draft: budget", open: (page) => visit(page, "drafts/new?kind=budget") },
      { name: "new draft: personnel", open: (page) => visit(page, "drafts/new?kind=personnel") },
      {
        name: "new draft: memo, saved",
        async open(page, lang) {
          await visit(page, "drafts/new?kind=memo");
          await page.getByLabel(t("drafting", "fields.title", lang), { exact: true }).fill(`axe ${lang}`);
          await expect(savedStatus(page, lang)).toBeVisible();
        },
      },
      {
        name: "new draft: memo, no disclosure level chosen",
        async open(page, lang) {
          await page.getByRole("button", { name: exact(t("drafting", "next.line", lang)) }).click();
          await expect(page.getByRole("radiogroup", { name: t("drafting", "disclosure.level", lang) })).toHaveAttribute("aria-invalid", "true");
          await expect(levelRadio(page, "open", lang)).toBeFocused();
        },
      },
      {
        name: "new draft: memo, signals of a ground, open chosen",
        async open(page, lang) {
          // 예정가격 (an estimated price before the contract) is a sign of ground 5.
          await page.getByRole("textbox", { name: t("drafting", "fields.body", lang) }).click();
          await page.keyboard.type("청사 보수공사의 예정가격은 별도로 정합니다.");
          await levelRadio(page, "open", lang).check();
          const signals = page.getByRole("region", { name: t("drafting", "signals.title", lang) });
          await expect(signals).toBeVisible();
          await expect(signals.getByText(t("drafting", "signals.openWarningTitle", lang))).toBeVisible();
          await expect(savedStatus(page, lang)).toBeVisible();
        },
      },
      {
        name: "draft preview dialog",
        // The preview is the server's official layout in a script-free sandbox (sandbox=""),
        // where axe cannot run; the dialog around it is checked.
        exclude: ["iframe[sandbox]"],
        async open(page, lang) {
          await page.getByRole("button", { name: exact(t("drafting", "preview.open", lang)) }).click();
          await expect(page.getByRole("dialog")).toBeVisible();
        },
      },
      {
        name: "line editor",
        async open(page, lang) {
          await page.keyboard.press("Escape");
          await page.getByRole("button", { name: exact(t("drafting", "next.line", lang)) }).click();
          await expect(mainHeading(page)).toHaveText(t("line", "title", lang));
          await expect(page.getByText(t("line", "rule.valid", lang))).toBeVisible();
        },
      },
      { name: "absence", open: (page) => visit(page, "absence") },
    ],
  },
  approver: {
    user: "sanghun.kim",
    states: [
      { name: "boxes: to act", open: (page) => visit(page, "boxes/to_act") },
      { name: "boxes: completed", open: (page) => visit(page, "boxes/completed") },
      {
        name: "document to act on",
        async open(page, lang) {
          await visit(page, `documents/${await firstDocumentIn(page, "to_act")}`);
          await expect(actionBar(page, lang)).toBeVisible();
        },
      },
      ...(["approve", "return", "hold"] as const).map((action) => ({
        name: `${action} dialog`,
        async open(page: Page, lang: Lang) {
          await page.keyboard.press("Escape");
          await actionBar(page, lang).getByRole("button", { name: exact(t("document", `actions.${action}`, lang)) }).click();
          await expect(page.getByRole("dialog", { name: t("document", `actions.${action}`, lang) })).toBeVisible();
        },
      })),
      {
        name: "document approved, signed PDF",
        async open(page, lang) {
          await page.keyboard.press("Escape");
          await visit(page, `documents/${await firstDocumentIn(page, "completed")}`);
          await expect(page.getByText(t("document", "pdf.status.done", lang), { exact: true })).toBeVisible({ timeout: 60_000 });
        },
      },
    ],
  },
};

for (const lang of ["ko", "en"] as const) {
  for (const width of [360, 1280]) {
    for (const [who, walk] of Object.entries(WALKS)) {
      test(`axe: ${who}, ${lang}, ${width} px`, async ({ page, a11y }) => {
        await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
        await useLanguage(page, lang);
        if (walk.user) await signIn(page, walk.user, lang);
        for (const state of walk.states) {
          await test.step(state.name, async () => {
            await state.open(page, lang);
            await a11y.check(`${state.name}, ${lang}, ${width}`, { exclude: state.exclude });
            // The guides' pictures: every screen in Korean on a desk, the approver's on a phone too.
            if (lang === "ko" && (width === 1280 || who === "approver")) {
              await shoot(page, `${`${who} ${state.name}`.replace(/[^a-z]+/gi, "-").replace(/-$/, "")}-${width}`);
            }
          });
        }
      });
    }
  }
}
