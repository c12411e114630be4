import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure } from "@/api/errors";
import { useMe } from "@/auth/me";
import { Button } from "@/ui/Button";
import { AddPanel } from "./AddPanel";
import { absencesByStep, LinePreview } from "./LinePreview";
import { LineSteps } from "./LineSteps";
import {
  type AddChoice,
  addPerson,
  consultTarget,
  errorCount,
  idsOnLine,
  type Line,
  type LineErrors,
  lineFromOutput,
  lineFromRound,
  type LineOutput,
  mapLineErrors,
  moveStage,
  NEW_STAGE,
  NO_ERRORS,
  removePerson,
  removeReference,
  stagePosition,
} from "./lineState";
import { OrgChart } from "./OrgChart";
import { type DocumentDetail, documentQuery, suggestionQuery, useLineCheck } from "./queries";
import { RuleNote } from "./RuleNote";
import { SavedLines } from "./SavedLines";
import { useSubmitLine } from "./useSubmitLine";
import "./line.css";

const routeApi = getRouteApi("/signed-in/documents/$id/line");

export function LineScreen() {
  const { t } = useTranslation("line");
  const { id } = routeApi.useParams();
  const me = useMe();
  const document = useSuspenseQuery(documentQuery(id)).data;
  const editable = document.status === "draft" || document.status === "returned";
  const isDrafter = me.person?.id === document.drafter.id;

  if (!isDrafter || !editable) {
    return (
      <main className="page" id="main">
        <h1 className="page__title">{t("title")}</h1>
        <p className="notice notice--info">{t(isDrafter ? "notEditable" : "notDrafter")}</p>
        <Link to="/documents/$id" params={{ id }}>
          {t("backToDocument")}
        </Link>
      </main>
    );
  }
  return <LineEditor document={document} />;
}

/** A resubmission starts from the last round's line; a first submission from the suggestion. */
function useInitialLine(document: DocumentDetail): { line: Line | null; error: unknown } {
  const resubmission = Boolean(document.submitted_at) && document.stages.length > 0;
  const suggestion = useQuery(suggestionQuery(String(document.id)));
  return useMemo(() => {
    if (resubmission) return { line: lineFromRound(document.stages, document.references), error: null };
    return { line: suggestion.data ? lineFromOutput(suggestion.data) : null, error: suggestion.error };
  }, [resubmission, document, suggestion.data, suggestion.error]);
}

function LineEditor({ document }: { document: DocumentDetail }) {
  const initial = useInitialLine(document);
  const { t } = useTranslation("line");
  if (initial.error) {
    return (
      <main className="page" id="main">
        <h1 className="page__title">{t("title")}</h1>
        <p className="notice notice--danger" role="alert">
          {initial.error instanceof ApiFailure ? initial.error.message : t("common:state.error")}
        </p>
      </main>
    );
  }
  if (!initial.line) {
    return (
      <main className="page" id="main" aria-busy="true">
        <h1 className="page__title">{t("title")}</h1>
        <p className="muted">{t("common:state.loading")}</p>
      </main>
    );
  }
  return <Editor document={document} initial={initial.line} />;
}

function Editor({ document, initial }: { document: DocumentDetail; initial: Line }) {
  const { t } = useTranslation("line");
  const id = String(document.id);
  const navigate = useNavigate();
  const search = routeApi.useSearch();
  const [line, setLine] = useState<Line>(initial);
  const [choice, setChoice] = useState<AddChoice>({ role: "review", consultStage: null });
  const [announcement, setAnnouncement] = useState("");
  const [focusRequest, setFocusRequest] = useState<{ key: string; target: "item" | "up" | "down"; seq: number } | null>(null);
  const [submitErrors, setSubmitErrors] = useState<{ sent: Line; errors: LineErrors } | null>(null);
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const check = useLineCheck(id, line);
  const suggestion = useQuery(suggestionQuery(id));
  // The last settled answer stays on screen while the next one is on its way.
  const [settled, setSettled] = useState<typeof check | null>(null);
  useEffect(() => {
    if (check.state !== "checking" && check.state !== "idle") setSettled(check);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the check's state is what changes
  }, [check.state, check.state !== "idle" && check.state !== "checking" ? check.sent : null]);

  const errors: LineErrors = useMemo(() => {
    if (submitErrors && submitErrors.sent === line) return submitErrors.errors;
    if (settled?.state === "invalid") return mapLineErrors(settled.sent, settled.errors);
    return NO_ERRORS;
  }, [settled, submitErrors, line]);
  const problems = errorCount(errors);
  const output = settled?.state === "valid" ? settled.output : null;
  // Who is away comes with each valid check; it stays on its steps while the line is being fixed.
  const [lastValid, setLastValid] = useState<{ sent: Line; output: LineOutput } | null>(null);
  useEffect(() => {
    if (settled?.state === "valid") setLastValid({ sent: settled.sent, output: settled.output });
  }, [settled]);
  const absences = useMemo(() => (lastValid ? absencesByStep(lastValid.sent, lastValid.output) : new Map()), [lastValid]);
  const onLine = useMemo(() => new Set(idsOnLine(line)), [line]);

  const announce = (text: string) => {
    // Cleared first, so saying the same words twice is still heard.
    setAnnouncement("");
    window.setTimeout(() => setAnnouncement(text), 50);
  };

  const change = (next: Line) => {
    setLine(next);
    setSubmitErrors(null);
    setSubmitProblem(null);
  };

  const onAdd = (person: Parameters<typeof addPerson>[2]) => {
    if (onLine.has(person.id)) {
      announce(t("announce.already", { name: person.name }));
      return;
    }
    change(addPerson(line, choice.role, person, consultTarget(line, choice)));
    // The next consultee joins the stage this one went to, unless another is chosen.
    if (choice.consultStage === NEW_STAGE) setChoice({ ...choice, consultStage: null });
    announce(t("announce.added", { name: person.name, role: t(`roleIn.${choice.role}`) }));
  };

  const submit = useSubmitLine(document, {
    onRefused: (sent, lineErrors, problem) => {
      setSubmitErrors(lineErrors ? { sent, errors: lineErrors } : null);
      setSubmitProblem(problem);
      summaryRef.current?.focus();
    },
  });

  const onMove = (stage: { key: string }, delta: -1 | 1) => {
    const next = moveStage(line, stage.key, delta);
    if (next === line) return;
    change(next);
    const moved = next.stages[stagePosition(next, stage.key)];
    setFocusRequest({ key: stage.key, target: delta < 0 ? "up" : "down", seq: Date.now() });
    if (moved) {
      announce(
        t("announce.moved", {
          kind: t(`kind.${moved.kind}`),
          names: moved.people.map((p) => p.name).join(", "),
          position: stagePosition(next, stage.key) + 1,
          total: next.stages.length,
        }),
      );
    }
  };

  const title = document.title;
  return (
    <main className="page line-page" id="main">
      <h1 className="page__title">{t("title")}</h1>
      <p className="line-page__document">
        <span className="muted">{t("document")}</span> <strong>{title}</strong>
      </p>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>

      <div className="line-layout">
        <div className="line-layout__main">
          <section className="card line-section" aria-labelledby="line-title">
            <h2 id="line-title" className="line-section__title">
              {t("steps.title")}
            </h2>
            <RuleNote check={check} settled={settled} suggestion={suggestion.data ?? null} unchanged={line === initial} />
            <div ref={summaryRef} tabIndex={-1} className="line-summary" aria-live="polite">
              {problems > 0 ? (
                <div className="notice notice--danger">
                  <p className="line-summary__title">
                    <span aria-hidden="true">⚠ </span>
                    {t("errors.count", { count: problems })}
                  </p>
                  {errors.general.length ? (
                    <ul>
                      {errors.general.map((message) => (
                        <li key={message}>{message}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ) : null}
              {submitProblem && problems === 0 ? <p className="notice notice--danger">{submitProblem}</p> : null}
            </div>
            <LineSteps
              line={line}
              errors={errors}
              focusRequest={focusRequest}
              absences={absences}
              onMove={onMove}
              onRemove={(stage, person) => {
                change(removePerson(line, stage.key, person.id));
                announce(t("announce.removed", { name: person.name }));
              }}
              onRemoveReference={(person) => {
                change(removeReference(line, person.id));
                announce(t("announce.removed", { name: person.name }));
              }}
            />
          </section>

          <section className="card line-section" aria-labelledby="preview-title">
            <h2 id="preview-title" className="line-section__title">
              {t("preview.title")}
            </h2>
            {output ? <LinePreview output={output} /> : <p className="muted">{t("preview.pending")}</p>}
          </section>

          <div className="line-submit">
            <Button variant="primary" size="large" isPending={submit.isPending} isDisabled={line.stages.length === 0} onPress={() => submit.mutate(line)}>
              {t(document.submitted_at ? "submit.resubmit" : "submit.submit")}
            </Button>
            <Link to="/documents/$id/edit" params={{ id }} className="btn btn--tertiary btn--large">
              {t("backToDraft")}
            </Link>
          </div>
        </div>

        <div className="line-layout__side">
          <section className="card line-section" aria-labelledby="add-title">
            <h2 id="add-title" className="line-section__title">
              {t("add.title")}
            </h2>
            <AddPanel line={line} choice={choice} onChoice={setChoice} onAdd={onAdd} drafterId={document.drafter.id} />
          </section>
          <section className="card line-section" aria-labelledby="org-title">
            <h2 id="org-title" className="line-section__title">
              {t("org.title")}
            </h2>
            <OrgChart
              homeUnit={document.unit.id}
              drafterId={document.drafter.id}
              selectedUnit={search.unit}
              onSelectUnit={(unit) => void navigate({ to: ".", search: (prev) => ({ ...prev, unit }), replace: true })}
              role={choice.role}
              onLine={onLine}
              onAdd={onAdd}
            />
          </section>
          <section className="card line-section" aria-labelledby="saved-title">
            <h2 id="saved-title" className="line-section__title">
              {t("saved.title")}
            </h2>
            <SavedLines
              documentId={id}
              kind={document.kind}
              line={line}
              onApply={(applied, name) => {
                change(lineFromOutput(applied));
                announce(t("announce.applied", { name }));
              }}
              onApplyErrors={(name) => announce(t("announce.applyFailed", { name }))}
            />
          </section>
        </div>
      </div>
    </main>
  );
}
