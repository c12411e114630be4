// The line being edited, as plain data and pure changes: what the editor shows, what it
// sends (LineInputRequest), and where the server's errors land (a step, a stage, a reference).
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type StageKind = Schemas["StageKindEnum"];
export type LinePerson = Schemas["LinePerson"];
export type LineOutput = Schemas["LineOutput"];
export type LineInput = Schemas["LineInputRequest"];
export type LineStep = Schemas["LineStepOutput"];
export type Role = StageKind | "reference";

export interface Stage {
  /** Stable across reorders, so focus, errors and announcements follow the stage. */
  key: string;
  kind: StageKind;
  people: LinePerson[];
}

export interface Line {
  stages: Stage[];
  references: LinePerson[];
}

export const NEW_STAGE = "new";

let counter = 0;
function stageKey(): string {
  counter += 1;
  return `s${counter}`;
}

export function makeStage(kind: StageKind, people: LinePerson[]): Stage {
  return { key: stageKey(), kind, people };
}

export function lineFromOutput(output: {
  stages: readonly Pick<Schemas["LineStageOutput"], "kind" | "assignee_ids" | "assignees">[];
  references: readonly LinePerson[];
}): Line {
  return {
    stages: output.stages.map((stage) => makeStage(stage.kind, [...stage.assignees])),
    references: [...output.references],
  };
}

/** The line of a document's latest round (a returned or recalled document is sent again on it). */
export function lineFromRound(
  stages: readonly Schemas["StageOutput"][],
  references: readonly Schemas["ReferenceOutput"][],
): Line {
  const last = Math.max(0, ...stages.map((stage) => stage.round ?? 1));
  return {
    stages: stages
      .filter((stage) => (stage.round ?? 1) === last)
      .sort((a, b) => a.order - b.order)
      .map((stage) =>
        makeStage(
          stage.kind,
          [...stage.steps].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((step) => step.assignee),
        ),
      ),
    references: references.map((reference) => reference.person),
  };
}

export function lineToInput(line: Line): LineInput {
  return {
    stages: line.stages.map((stage) => ({ kind: stage.kind, assignee_ids: stage.people.map((p) => p.id) })),
    reference_ids: line.references.map((person) => person.id),
  };
}

export function idsOnLine(line: Line): number[] {
  return [...line.stages.flatMap((stage) => stage.people.map((p) => p.id)), ...line.references.map((p) => p.id)];
}

export function isOnLine(line: Line, personId: number): boolean {
  return idsOnLine(line).includes(personId);
}

function finalIndex(line: Line): number {
  const last = line.stages.length - 1;
  return line.stages[last]?.kind === "approve" ? last : -1;
}

function insertAt(stages: Stage[], index: number, stage: Stage): Stage[] {
  return [...stages.slice(0, index), stage, ...stages.slice(index)];
}

/**
 * Adds a person in a role. A reviewer goes after the reviews already there (before the
 * first consultation or the final approval); a consultee joins the chosen consult stage
 * (its steps run in parallel) or opens a new one before the final approval; an approver
 * takes the final approval; a reference is appended. Someone already on the line is not
 * added twice.
 */
export function addPerson(line: Line, role: Role, person: LinePerson, consultStage: string = NEW_STAGE): Line {
  if (isOnLine(line, person.id)) return line;
  if (role === "reference") return { ...line, references: [...line.references, person] };
  const final = finalIndex(line);
  if (role === "approve") {
    if (final < 0) return { ...line, stages: [...line.stages, makeStage("approve", [person])] };
    return {
      ...line,
      stages: line.stages.map((stage, index) => (index === final ? { ...stage, people: [person] } : stage)),
    };
  }
  const beforeFinal = final < 0 ? line.stages.length : final;
  if (role === "consult") {
    const target = line.stages.find((stage) => stage.key === consultStage && stage.kind === "consult");
    if (target) {
      return {
        ...line,
        stages: line.stages.map((stage) =>
          stage === target ? { ...stage, people: [...stage.people, person] } : stage,
        ),
      };
    }
    return { ...line, stages: insertAt(line.stages, beforeFinal, makeStage("consult", [person])) };
  }
  const firstOther = line.stages.findIndex((stage) => stage.kind !== "review");
  const at = firstOther < 0 ? line.stages.length : firstOther;
  return { ...line, stages: insertAt(line.stages, at, makeStage("review", [person])) };
}

/** Takes a person off a stage; a stage left with nobody goes with them. */
export function removePerson(line: Line, key: string, personId: number): Line {
  return {
    ...line,
    stages: line.stages
      .map((stage) => (stage.key === key ? { ...stage, people: stage.people.filter((p) => p.id !== personId) } : stage))
      .filter((stage) => stage.people.length > 0),
  };
}

export function removeReference(line: Line, personId: number): Line {
  return { ...line, references: line.references.filter((person) => person.id !== personId) };
}

/** Moves a stage one place up (-1) or down (+1); at either end nothing moves. */
export function moveStage(line: Line, key: string, delta: -1 | 1): Line {
  const from = line.stages.findIndex((stage) => stage.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= line.stages.length) return line;
  const stages = [...line.stages];
  const [moved] = stages.splice(from, 1);
  if (moved) stages.splice(to, 0, moved);
  return { ...line, stages };
}

export function stagePosition(line: Line, key: string): number {
  return line.stages.findIndex((stage) => stage.key === key);
}

export interface AddChoice {
  role: Role;
  /** A consult stage's key, NEW_STAGE, or null: the last consult stage (a new one if none). */
  consultStage: string | null;
}

/** The consult stage a consultee joins: the one chosen, else the last there is, else a new one. */
export function consultTarget(line: Line, choice: AddChoice): string {
  const consults = line.stages.filter((stage) => stage.kind === "consult");
  if (choice.consultStage === NEW_STAGE) return NEW_STAGE;
  if (consults.some((stage) => stage.key === choice.consultStage)) return choice.consultStage as string;
  return consults.at(-1)?.key ?? NEW_STAGE;
}

// Server errors -------------------------------------------------------------

export interface LineErrors {
  /** What no one entry holds: a missing mandatory consultation, no line at all. */
  general: string[];
  /** By stage key: its kind or its people as a whole ("a review has exactly one person"). */
  stages: Record<string, string[]>;
  /** By `${stage key}/${person id}`: one step. */
  steps: Record<string, string[]>;
  /** By person id. */
  references: Record<number, string[]>;
}

export const NO_ERRORS: LineErrors = { general: [], stages: {}, steps: {}, references: {} };

export function stepKey(stage: string, personId: number): string {
  return `${stage}/${personId}`;
}

const STAGE_FIELD = /^stages\.(\d+)(?:\.(?:kind|assignee_ids|steps)(?:\.(\d+))?)?$/;
const REFERENCE_FIELD = /^reference_ids\.(\d+)$/;

function push<K extends string | number>(into: Record<K, string[]>, key: K, message: string): void {
  into[key] = [...(into[key] ?? []), message];
}

/**
 * Places each error the server gave for `sent` (the line as it was sent) on the entry it
 * names: "line.stages.2.assignee_ids.0" on that step, "line.stages.1.kind" on its stage,
 * "line.reference_ids.1" on that reference, anything else above the line. Keys, not
 * indexes, are kept, so an error stays on its step if the stages move afterwards.
 */
export function mapLineErrors(sent: Line, errors: readonly { field: string; message: string }[]): LineErrors {
  const mapped: LineErrors = { general: [], stages: {}, steps: {}, references: {} };
  for (const { field, message } of errors) {
    const path = field.startsWith("line.") ? field.slice("line.".length) : field;
    const stageMatch = STAGE_FIELD.exec(path);
    if (stageMatch) {
      const stage = sent.stages[Number(stageMatch[1])];
      const slot = stageMatch[2];
      const person = stage && slot !== undefined ? stage.people[Number(slot)] : undefined;
      if (stage && person) push(mapped.steps, stepKey(stage.key, person.id), message);
      else if (stage) push(mapped.stages, stage.key, message);
      else mapped.general.push(message);
      continue;
    }
    const referenceMatch = REFERENCE_FIELD.exec(path);
    const reference = referenceMatch ? sent.references[Number(referenceMatch[1])] : undefined;
    if (reference) push(mapped.references, reference.id, message);
    else mapped.general.push(message);
  }
  return mapped;
}

export function errorCount(errors: LineErrors): number {
  const count = (record: Record<string | number, string[]>) =>
    Object.values(record).reduce((sum, list) => sum + list.length, 0);
  return errors.general.length + count(errors.stages) + count(errors.steps) + count(errors.references);
}
