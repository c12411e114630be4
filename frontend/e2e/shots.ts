// Screenshots for the user guides (docs/guides/images/), made by the journeys themselves so
// the guides show the screens as they are. Off unless E2E_SCREENSHOTS=1 (make guides-images),
// so an ordinary run writes nothing into the repository.
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";

const DIR = fileURLToPath(new URL("../../docs/guides/images/", import.meta.url));

export async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== "1") return;
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: `${DIR}staff-${name}.png`, fullPage: options.fullPage ?? false, animations: "disabled", caret: "hide" });
}
