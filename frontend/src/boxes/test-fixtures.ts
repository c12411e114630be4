// Rows as the boxes API answers them, for the tests of the boxes and the home page.
import type { components } from "@/api/schema";
import type { BoxItem } from "./boxes";

type Step = components["schemas"]["TaskStepOutput"];

export function step(overrides: Partial<Step> = {}): Step {
  return {
    id: 1,
    stage_kind: "approve",
    stage_order: 2,
    round: 1,
    status: "pending",
    assignee: { id: 11, name: "강영희" },
    acted_by: null,
    is_proxy: false,
    is_delegated: false,
    due_at: null,
    acted_at: null,
    is_overdue: false,
    ...overrides,
  };
}

export function item(id: number, overrides: { step?: Step | null; document?: Partial<BoxItem["document"]> } = {}): BoxItem {
  return {
    document: {
      id,
      kind: "memo",
      status: "in_progress",
      title: `문서 ${id}`,
      number: null,
      submitted_at: "2026-12-01T01:00:00Z",
      updated_at: "2026-12-01T01:00:00Z",
      unit: { id: 3, code: "BUDGET-T1", name: "예산총괄팀" },
      drafter: { id: 20, name: "송하은" },
      ...overrides.document,
    },
    step: overrides.step === undefined ? step({ id: id * 10 }) : overrides.step,
  };
}

