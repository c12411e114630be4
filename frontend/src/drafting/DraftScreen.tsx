import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { type RefObject, useEffect, useId, useMemo, useRef, useState } from "react";
import { Controller, get, type UseFormReturn, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";
import { useMe } from "@/auth/me";
import { Button } from "@/ui/Button";
import { FormField } from "@/ui/FormField";
import { Attachments } from "./Attachments";
import { type BodyHandle, BodyEditor } from "./BodyEditor";
import { BudgetFields } from "./BudgetFields";
import { ConflictDialog } from "./ConflictDialog";
import { DisclosureFields } from "./DisclosureFields";
import { FORM_FIELDS, type MappedErrors } from "./errors";
import { PersonnelFields } from "./PersonnelFields";
import type { PiiMark } from "./piiMarks";
import { PiiWarnings } from "./PiiWarnings";
import { PreviewDialog } from "./PreviewDialog";
import { draftQuery } from "./queries";
import { SaveStatus } from "./SaveStatus";
import {
  type DocumentDetail,
  type DraftValues,
  draftSchema,
  emptyDraft,
  KINDS,
  type Kind,
  RETENTION_PERIODS,
  savablePayload,
  valuesFromDocument,
  withholds,
} from "./schema";
import { useAutosave } from "./useAutosave";
import { useFieldError } from "./useFieldError";
import { usePiiScan } from "./usePiiScan";
import { withheldQuery } from "./WithheldParagraphs";
import "./drafting.css";

const EDITABLE = new Set(["draft", "returned"]);

// A new draft becomes /documents/$id/edit once the server has it; what the person typed
// since that save, and where they were typing, cross over to the edit screen.
interface Handoff {
  id: number;
  values: DraftValues;
  focus: string | null;
}
let handoff: Handoff | null = null;

export function NewDraftScreen() {
  const { kind } = useSearch({ from: "/signed-in/drafts/new" });
  if (!kind) return <KindChooser />;
  return <DraftEditor key={kind} kind={kind} document={null} etag={null} />;
}

export function EditDraftScreen() {
  const { id } = useParams({ from: "/signed-in/documents/$id/edit" });
  const { t } = useTranslation("drafting");
  const { data } = useSuspenseQuery(draftQuery(id));
  if (!EDITABLE.has(data.document.status ?? "draft")) {
    return (
      <main className="page" id="main">
        <h1 className="page__title">{data.document.title}</h1>
        <div className="notice notice--info">
          <p>{t("notEditable")}</p>
        </div>
        <Link to="/documents/$id" params={{ id }}>
          {t("openDocument")}
        </Link>
      </main>
    );
  }
  const carried = handoff?.id === data.document.id ? handoff : null;
  return (
    <DraftEditor
      key={id}
      kind={data.document.kind}
      document={data.document}
      etag={data.etag}
      carried={carried}
    />
  );
}

function KindChooser() {
  const { t } = useTranslation("drafting");
  return (
    <main className="page draft-page" id="main">
      <h1 className="page__title">{t("chooseKind")}</h1>
      <ul className="kind-list">
        {KINDS.map((kind) => (
          <li key={kind}>
            <Link to="/drafts/new" search={{ kind }} className="kind-card">
              <span className="kind-card__name">{t(`kinds.${kind}`)}</span>
              <span className="muted">{t(`kindHints.${kind}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

interface DraftEditorProps {
  kind: Kind;
  document: DocumentDetail | null;
  etag: string | null;
  carried?: Handoff | null;
}

function focusedField(): string | null {
  const active = window.document.activeElement as HTMLElement | null;
  if (!active) return null;
  if (active.closest(".ProseMirror")) return "body";
  return active.getAttribute("name");
}

function DraftEditor({ kind, document, etag, carried }: DraftEditorProps) {
  const { t } = useTranslation("drafting");
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formId = useId();
  const [documentId, setDocumentId] = useState<number | null>(document?.id ?? null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [warnings, setWarnings] = useState(document?.warnings ?? []);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [nextProblem, setNextProblem] = useState<string | null>(null);
  const schema = useMemo(() => draftSchema(kind), [kind]);
  const form = useForm<DraftValues>({
    defaultValues: carried?.values ?? (document ? valuesFromDocument(document) : emptyDraft()),
    resolver: zodResolver(schema) as never,
    shouldFocusError: true,
  });

  const onErrors = (mapped: MappedErrors) => {
    for (const [field, messages] of mapped.fields) {
      form.setError(field, { type: "server", message: messages.join(" ") });
    }
    setFormErrors(mapped.form);
  };

  const autosave = useAutosave({
    kind,
    documentId,
    etag,
    savedAt: document ? new Date(document.updated_at) : null,
    getValues: form.getValues,
    onErrors,
    onCreated: (created, createdEtag) => {
      setDocumentId(created.id);
      queryClient.setQueryData(draftQuery(String(created.id)).queryKey, { document: created, etag: createdEtag });
      handoff = { id: created.id, values: form.getValues(), focus: focusedField() };
      void navigate({ to: "/documents/$id/edit", params: { id: String(created.id) }, replace: true });
    },
    onSaved: (saved) => {
      setWarnings(saved.warnings);
      setFormErrors([]);
      for (const field of FORM_FIELDS) {
        if ((get(form.formState.errors, field) as { type?: string } | undefined)?.type === "server") form.clearErrors(field);
      }
      void queryClient.invalidateQueries({ queryKey: ["documents", String(saved.id), "withheld"] });
    },
  });

  // Live warnings: what the detector finds in the title and body as they are typed.
  const [composing, setComposing] = useState(false);
  const onComposing = (value: boolean) => {
    setComposing(value);
    autosave.setComposing(value);
  };
  const [titleText, bodyHtml, level] = useWatch({
    control: form.control,
    name: ["title", "body", "proposed_disclosure_level"],
  });
  const scan = usePiiScan({ kind, title: titleText, body: bodyHtml, documentId, composing });
  const findings = useMemo(() => scan.data?.findings ?? [], [scan.data]);
  const signals = useMemo(() => scan.data?.signals ?? [], [scan.data]);
  const marks = useMemo<PiiMark[]>(
    () =>
      findings.flatMap((finding, index) =>
        finding.part === "body" && finding.paragraph !== null
          ? [{ paragraph: finding.paragraph, start: finding.start, end: finding.end, note: String(index + 1) }]
          : [],
      ),
    [findings],
  );
  const withheldList = useQuery({ ...withheldQuery(documentId ?? 0), enabled: documentId !== null && level === "partial" });
  const withheld = useMemo(
    () => new Set((withheldList.data ?? []).filter((p) => p.mark !== null).map((p) => p.index)),
    [withheldList.data],
  );
  const bodyHandle = useRef<BodyHandle | null>(null);
  const [withholding, setWithholding] = useState(false);

  // "Withhold this paragraph": partial disclosure on ground 6 (personal information),
  // saved, then the paragraph marked on the body the server now holds.
  const withholdParagraph = async (paragraph: number) => {
    setWithholding(true);
    setNextProblem(null);
    try {
      if (!withholds(form.getValues("proposed_disclosure_level"))) {
        form.setValue("proposed_disclosure_level", "partial", { shouldDirty: true });
        form.clearErrors("proposed_disclosure_level");
      }
      const grounds = form.getValues("proposed_disclosure_grounds");
      if (!grounds.includes(6)) {
        form.setValue("proposed_disclosure_grounds", [...grounds, 6].sort((a, b) => a - b), { shouldDirty: true });
      }
      const saved = await autosave.flush();
      const id = documentId ?? handoff?.id ?? null;
      if (!saved || id === null) {
        setNextProblem(t("next.notSaved"));
        return;
      }
      unwrap(
        await api.PUT("/api/disclosure/documents/{document_id}/withheld-paragraphs/{index}/", {
          params: { path: { document_id: id, index: paragraph } },
          body: { ground: 6, note: "" },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: withheldQuery(id).queryKey });
    } catch (error) {
      setNextProblem(error instanceof ApiFailure ? (error.body?.errors?.[0]?.message ?? error.message) : t("withheld.failed"));
    } finally {
      setWithholding(false);
    }
  };

  // Every change (typed, chosen, pasted) starts the autosave pause; the server's error on a
  // field goes once the person changes that field.
  const { edited } = autosave;
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (name) {
        const error = get(form.formState.errors, name) as { type?: string } | undefined;
        if (error?.type === "server") form.clearErrors(name as never);
      }
      edited();
    });
    return () => subscription.unsubscribe();
  }, [form, edited]);

  // Crossed over from /drafts/new: save what was typed after the first save, and go on
  // typing where the person was.
  const crossed = useRef(false);
  useEffect(() => {
    if (!carried || crossed.current || !document) return;
    crossed.current = true;
    handoff = null;
    const saved = JSON.stringify(savablePayload(kind, valuesFromDocument(document), false).payload);
    if (JSON.stringify(savablePayload(kind, carried.values, false).payload) !== saved) edited();
    if (carried.focus && carried.focus !== "body") {
      window.document.querySelector<HTMLElement>(`[name="${CSS.escape(carried.focus)}"]`)?.focus();
    }
  }, [carried, document, kind, edited]);

  const goToLine = form.handleSubmit(
    async () => {
      setNextProblem(null);
      const ok = await autosave.flush();
      if (ok && documentId !== null) {
        await navigate({ to: "/documents/$id/line", params: { id: String(documentId) } });
      } else if (!ok) {
        setNextProblem(t("next.notSaved"));
      }
    },
    () => setNextProblem(t("next.fixFields")),
  );

  const openPreview = async () => {
    const ok = await autosave.flush();
    if (ok) setPreviewOpen(true);
    else setNextProblem(t("next.notSaved"));
  };

  const title = t("heading", { kind: t(`kinds.${kind}`) });
  return (
    <main className="page draft-page" id="main">
      <div className="draft-head">
        <h1 className="page__title">{title}</h1>
        <SaveStatus state={autosave.state} waitingFor={autosave.waitingFor} onRetry={() => void autosave.flush()} />
      </div>
      {document?.status === "returned" ? (
        <div className="notice notice--warning">
          <p>{t("returned")}</p>
        </div>
      ) : null}
      {formErrors.length ? (
        <div className="notice notice--danger" role="alert">
          {formErrors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      <form
        id={formId}
        className="draft-layout"
        noValidate
        onSubmit={(event) => event.preventDefault()}
        onKeyDown={(event) => {
          // Enter in a one-line field never submits the form (and never while composing
          // Hangul): the draft saves itself, and moving on is the "결재선 지정" button.
          const target = event.target as HTMLElement;
          if (event.key === "Enter" && target.tagName === "INPUT") event.preventDefault();
        }}
        onCompositionStart={() => onComposing(true)}
        onCompositionEnd={() => onComposing(false)}
      >
        <div className="draft-main">
          <MainFields
            form={form}
            kind={kind}
            warnings={warnings}
            meId={me.person?.id ?? null}
            onComposingChange={onComposing}
            autofocusBody={carried?.focus === "body"}
            marks={marks}
            bodyHandle={bodyHandle}
          />
          {findings.length ? (
            <PiiWarnings
              findings={findings}
              withheld={withheld}
              busy={withholding}
              onGoTo={(paragraph) => bodyHandle.current?.focusParagraph(paragraph)}
              onWithhold={(paragraph) => void withholdParagraph(paragraph)}
            />
          ) : null}
        </div>
        <div className="draft-side">
          <DisclosureFields form={form} documentId={documentId} signals={signals} />
          <Attachments documentId={documentId} initial={document?.attachments ?? []} exclusive={autosave.exclusive} />
        </div>
      </form>
      <div className="draft-actions">
        {nextProblem ? (
          <p className="field__error draft-actions__problem" role="alert">
            {nextProblem}
          </p>
        ) : null}
        <Button variant="tertiary" size="large" onPress={() => void openPreview()} isDisabled={documentId === null}>
          {t("preview.open")}
        </Button>
        <Button variant="primary" size="large" onPress={() => void goToLine()}>
          {t("next.line")}
        </Button>
      </div>
      <ConflictDialog
        conflict={autosave.state.conflict}
        onKeepMine={autosave.keepMine}
        onTakeTheirs={() => autosave.takeTheirs((theirs) => form.reset(valuesFromDocument(theirs)))}
      />
      {previewOpen && documentId !== null ? (
        <PreviewDialog documentId={documentId} onClose={() => setPreviewOpen(false)} />
      ) : null}
    </main>
  );
}

interface MainFieldsProps {
  form: UseFormReturn<DraftValues>;
  kind: Kind;
  warnings: DocumentDetail["warnings"];
  meId: number | null;
  onComposingChange: (composing: boolean) => void;
  autofocusBody: boolean;
  marks: readonly PiiMark[];
  bodyHandle: RefObject<BodyHandle | null>;
}

function MainFields({ form, kind, warnings, meId, onComposingChange, autofocusBody, marks, bodyHandle }: MainFieldsProps) {
  const { t } = useTranslation("drafting");
  const error = useFieldError(form);
  const retentionId = useId();
  const retentionError = error("retention_period");
  return (
    <>
      <fieldset className="draft-section">
        <legend className="visually-hidden">{t("basics")}</legend>
        <FormField label={t("fields.title")} autoComplete="off" error={error("title")} {...form.register("title")} />
        <div className="draft-grid">
          <FormField
            label={t("fields.recipient")}
            description={t("fields.recipientHint")}
            autoComplete="off"
            error={error("recipient")}
            {...form.register("recipient")}
          />
          <div className="field">
            <label className="field__label" htmlFor={retentionId}>
              {t("fields.retention")}
            </label>
            <select
              id={retentionId}
              aria-invalid={retentionError ? true : undefined}
              aria-describedby={retentionError ? `${retentionId}-error` : undefined}
              {...form.register("retention_period")}
            >
              {RETENTION_PERIODS.map((period) => (
                <option key={period} value={period}>
                  {t(`retention.${period}`)}
                </option>
              ))}
            </select>
            {retentionError ? (
              <p className="field__error" id={`${retentionId}-error`}>
                {retentionError}
              </p>
            ) : null}
          </div>
        </div>
      </fieldset>
      {kind === "budget" ? <BudgetFields form={form} warnings={warnings} /> : null}
      {kind === "personnel" ? <PersonnelFields form={form} meId={meId} /> : null}
      <div className="draft-section">
        <Controller
          control={form.control}
          name="body"
          render={({ field }) => (
            <BodyEditor
              label={t("fields.body")}
              value={field.value}
              onChange={field.onChange}
              onComposingChange={onComposingChange}
              error={error("body")}
              autofocus={autofocusBody}
              marks={marks}
              handle={bodyHandle}
            />
          )}
        />
      </div>
    </>
  );
}
