// Korean typed the way an IME types it: each syllable composed jamo by jamo (ㄱ → 기 → 김)
// through Chromium's own IME path (CDP Input.imeSetComposition fires compositionstart and
// compositionupdate), then committed (Input.insertText ends the composition).
import type { CDPSession, Locator, Page } from "@playwright/test";

const INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

/** The strings an IME shows while composing one syllable: 김 → ["ㄱ", "기", "김"]. */
export function compositionSteps(syllable: string): string[] {
  const code = syllable.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return [syllable];
  const initial = Math.floor(code / 588);
  const withoutFinal = String.fromCharCode(0xac00 + code - (code % 28));
  const steps = [INITIALS[initial] ?? syllable, withoutFinal];
  if (code % 28 !== 0) steps.push(syllable);
  return steps;
}

async function session(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/**
 * The Enter an IME passes on while a syllable is still composing: a real key event through
 * Chromium's input pipeline (so a form's implicit submission would happen if the page let
 * it), with the IME's key code 229; Chromium marks it isComposing.
 */
async function composingEnter(cdp: CDPSession): Promise<void> {
  for (const type of ["rawKeyDown", "keyUp"] as const) {
    await cdp.send("Input.dispatchKeyEvent", { type, key: "Enter", code: "Enter", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  }
}

export interface ImeOptions {
  /** Press Enter while the last syllable is still composing, as a person finishing a word does. */
  enterWhileComposing?: boolean;
}

/** Types `text` into the focused `target` syllable by syllable through IME composition. */
export async function typeWithIme(page: Page, target: Locator, text: string, options: ImeOptions = {}): Promise<void> {
  await target.focus();
  const cdp = await session(page);
  const syllables = [...text];
  for (const [index, syllable] of syllables.entries()) {
    for (const step of compositionSteps(syllable)) {
      await cdp.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
    }
    if (options.enterWhileComposing && index === syllables.length - 1) await composingEnter(cdp);
    await cdp.send("Input.insertText", { text: syllable });
  }
  await cdp.detach();
}

/** Collects the `q` of every request to `path` (e.g. "/api/people/"), to show what was searched. */
export function searchesOf(page: Page, path: string): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === path && url.searchParams.has("q")) seen.push(url.searchParams.get("q") ?? "");
  });
  return seen;
}

/** True when `text` holds a lone jamo (ㄱ, ㅏ): what a search sent mid-composition would carry. */
export function hasLoneJamo(text: string): boolean {
  return /[\u3131-\u318e]/.test(text);
}
