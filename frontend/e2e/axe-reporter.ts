// Counts the states the axe fixture checked (annotations "axe-state") and prints the tally,
// so a run says how much of the app axe saw, not only that it passed.
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

export default class AxeReporter implements Reporter {
  private states: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const annotation of [...test.annotations, ...result.annotations]) {
      if (annotation.type === "axe-state" && annotation.description) this.states.push(annotation.description);
    }
  }

  onEnd(): void {
    if (this.states.length === 0) return;
    const unique = [...new Set(this.states)];
    const failing = unique.filter((state) => !state.endsWith(": 0"));
    console.log(`\naxe: ${unique.length} states checked, ${failing.length} with violations`);
    for (const state of failing) console.log(`  ${state}`);
  }
}
