// Which actions this person may take on this document, from what the API says.
// Task actions come from the tasks' own `actions` (the server decides, a deputy included);
// the drafter's document actions follow the rules the services enforce (recall.py, submit.py).
import { type ApiError, ApiFailure, isApiError } from "@/api/errors";
import type { DocumentDetail, Step, TaskDetail } from "./queries";

export type TaskAction = "approve" | "return" | "hold" | "release" | "agree" | "disagree" | "edit" | "post-approve";
export type DocumentAction = "recall" | "resubmit" | "withdraw";
export type ActionName = TaskAction | DocumentAction;

const TASK_ACTIONS: readonly TaskAction[] = ["approve", "agree", "disagree", "return", "hold", "release", "edit", "post-approve"];
const ACTED = new Set(["approved", "agreed", "disagreed", "returned", "on_hold"]);
const OPEN = new Set(["pending", "on_hold"]);

export interface OfferedAction {
  name: ActionName;
  /** The task (approval step) it acts on; none for the drafter's document actions. */
  taskId?: number;
}

export function currentRound(document: Pick<DocumentDetail, "stages">): number {
  return document.stages.reduce((round, stage) => Math.max(round, stage.round ?? 1), 1);
}

function roundSteps(document: Pick<DocumentDetail, "stages">): Step[] {
  const round = currentRound(document);
  return document.stages.filter((stage) => (stage.round ?? 1) === round).flatMap((stage) => stage.steps);
}

/**
 * The steps whose task may offer this person something: the open steps of the current
 * round (theirs, or an absent colleague's they deputise for) and the proxy steps taken
 * for them that they still owe a post-approval (후결).
 */
export function candidateTaskIds(document: Pick<DocumentDetail, "stages">, personId: number | undefined): number[] {
  const ids = new Set<number>();
  for (const step of roundSteps(document)) if (step.status && OPEN.has(step.status)) ids.add(step.id);
  for (const stage of document.stages) {
    for (const step of stage.steps) {
      if (step.is_proxy && step.acted_at && !step.post_approved_at && step.assignee.id === personId) ids.add(step.id);
    }
  }
  return [...ids];
}

export function drafterActions(
  document: Pick<DocumentDetail, "drafter" | "status" | "stages" | "submitted_at">,
  personId: number | undefined,
): DocumentAction[] {
  if (personId === undefined || document.drafter.id !== personId) return [];
  const actions: DocumentAction[] = [];
  const status = document.status;
  const nobodyActed = !roundSteps(document).some((step) => step.status && ACTED.has(step.status));
  if (status === "in_progress" && nobodyActed) actions.push("recall");
  if (status === "returned" || (status === "draft" && document.submitted_at)) actions.push("resubmit");
  if (status === "draft" || status === "in_progress" || status === "on_hold" || status === "returned") actions.push("withdraw");
  return actions;
}

/** Everything offered, in the order the action bar shows it (primary first). */
export function offeredActions(
  document: Pick<DocumentDetail, "drafter" | "status" | "stages" | "submitted_at">,
  personId: number | undefined,
  tasks: readonly Pick<TaskDetail, "actions" | "step">[],
): OfferedAction[] {
  const offered: OfferedAction[] = [];
  for (const name of TASK_ACTIONS) {
    const task = tasks.find((candidate) => candidate.actions.includes(name));
    if (task) offered.push({ name, taskId: task.step.id });
  }
  for (const name of drafterActions(document, personId)) offered.push({ name });
  return offered;
}

/** Which actions need words, and whether the words are required. */
export const NEEDS_WORDS: Record<ActionName, "none" | "optional" | "required"> = {
  approve: "optional",
  agree: "optional",
  disagree: "required",
  return: "required",
  hold: "required",
  withdraw: "required",
  release: "none",
  "post-approve": "none",
  recall: "none",
  resubmit: "none",
  edit: "none",
};

export type ActedBy = NonNullable<ApiError["acted_by"]>;

/** Who acted first, from a task action's 409 (`acted_by`), when the server says. */
export function actedByOf(error: unknown): ActedBy | null {
  const body: unknown = error instanceof ApiFailure ? error.body : error;
  if (!isApiError(body) || !body.acted_by?.name) return null;
  return body.acted_by;
}

/** "김상훈 팀장": the name with the position the person held. */
export function actedByLabel(actedBy: Pick<ActedBy, "name" | "position">): string {
  return actedBy.position ? `${actedBy.name} ${actedBy.position}` : actedBy.name;
}
