import { useQueries, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure } from "@/api/errors";
import { useMe } from "@/auth/me";
import { formatDate } from "@/ui/format";
import { ActionBar } from "./ActionBar";
import { candidateTaskIds, offeredActions, type OfferedAction } from "./actions";
import { ApprovalBox, boxCells, lineCells } from "./ApprovalBox";
import { Attachments } from "./Attachments";
import { approvalBoxQuery, type DocumentDetail, documentQuery, taskQuery } from "./queries";
import { SignedPdf } from "./SignedPdf";
import { Comments, Timeline } from "./Timeline";
import { Versions } from "./Versions";
import "./document.css";

function Section({ title, children, level }: { title: string; children: ReactNode; level: 2 | 3 }) {
  const id = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className="doc-section" aria-labelledby={id}>
      <Heading id={id} className="doc-section__title">
        {title}
      </Heading>
      {children}
    </section>
  );
}

function KindFields({ document }: { document: DocumentDetail }) {
  const { t, i18n } = useTranslation("document");
  const money = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "ko-KR");
  if (document.budget) {
    const budget = document.budget;
    return (
      <dl className="doc-fields">
        <dt>{t("fields.budget_line")}</dt>
        <dd>{budget.budget_line_code} ({budget.fiscal_year})</dd>
        <dt>{t("fields.amount")}</dt>
        <dd>{t("won", { amount: money.format(budget.amount) })}</dd>
        <dt>{t("fields.payee")}</dt>
        <dd>{budget.payee}</dd>
        <dt>{t("fields.purpose")}</dt>
        <dd>{budget.purpose}</dd>
      </dl>
    );
  }
  if (document.personnel) {
    const personnel = document.personnel;
    return (
      <dl className="doc-fields">
        <dt>{t("fields.person")}</dt>
        <dd>{personnel.person.name} {personnel.person.position} ({personnel.person.unit})</dd>
        <dt>{t("fields.action_type")}</dt>
        <dd>{t(`personnel.${personnel.action_type}`)}</dd>
        <dt>{t("fields.effective_date")}</dt>
        <dd>{formatDate(personnel.effective_date, i18n.language)}</dd>
      </dl>
    );
  }
  return null;
}

/** The document in the official layout: heading facts, the approval box, the body. */
function OfficialLayout({ document, level }: { document: DocumentDetail; level: 2 | 3 }) {
  const { t, i18n } = useTranslation("document");
  const lng = i18n.language;
  const approved = document.status === "approved";
  const box = useQuery(approvalBoxQuery(document.id, approved));
  const cells = approved && box.data ? boxCells(box.data) : lineCells(document);
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className="doc-paper" aria-labelledby={`doc-${document.id}-title`}>
      <p className="doc-paper__kind">{t(`kind.${document.kind}`)}</p>
      <ApprovalBox cells={cells} official={approved && Boolean(box.data)} />
      <dl className="doc-facts">
        <dt>{t("number")}</dt>
        <dd>{document.number ?? t("noNumber")}</dd>
        <dt>{t("drafter")}</dt>
        <dd>{document.drafter.name} {document.drafter.position}</dd>
        <dt>{t("unit")}</dt>
        <dd>{document.unit.name}</dd>
        <dt>{t("recipient")}</dt>
        <dd>{document.recipient || "—"}</dd>
        <dt>{t("submittedAt")}</dt>
        <dd>{formatDate(document.submitted_at, lng) || "—"}</dd>
        <dt>{t("approvedAt")}</dt>
        <dd>{formatDate(document.approved_at, lng) || "—"}</dd>
        <dt>{t("retention")}</dt>
        <dd>{document.retention_period ? t(`retentionPeriod.${document.retention_period}`) : "—"}</dd>
        <dt>{t("disclosure")}</dt>
        <dd>
          {box.data?.disclosure_decision?.mark ??
            box.data?.disclosure ??
            (document.proposed_disclosure_level ? t(`disclosureLevel.${document.proposed_disclosure_level}`) : "—")}
        </dd>
      </dl>
      <Heading id={`doc-${document.id}-title`} className="doc-paper__title">
        <span className="visually-hidden">{t("subject")}: </span>
        {document.title}
      </Heading>
      <KindFields document={document} />
      {/* The server sanitises the body with nh3 before it is stored and served. */}
      <div className="doc-body" dangerouslySetInnerHTML={{ __html: document.body ?? "" }} />
    </article>
  );
}

function useOffered(document: DocumentDetail | undefined, personId: number | undefined) {
  const ids = document ? candidateTaskIds(document, personId) : [];
  const tasks = useQueries({
    queries: ids.map((stepId) => taskQuery(document?.id ?? 0, stepId)),
  });
  const loaded = tasks.flatMap((task) => (task.data ? [task.data] : []));
  return document ? offeredActions(document, personId, loaded) : [];
}

interface Props {
  id: number;
  /** The screen's own h1 is the title (2) or the box's list owns it (3 below its h2). */
  headingLevel: 1 | 2;
  onActed?: (action: OfferedAction) => void;
}

export function DocumentView({ id, headingLevel, onActed }: Props) {
  const { t } = useTranslation("document");
  const me = useMe();
  const query = useQuery(documentQuery(id));
  const document = query.data;
  const offered = useOffered(document, me.person?.id);
  const sub = (headingLevel + 1) as 2 | 3;

  if (query.isPending) {
    return <p className="muted" role="status">{t("loading")}</p>;
  }
  if (!document) {
    const status = query.error instanceof ApiFailure ? query.error.status : 0;
    return (
      <div className="notice notice--danger" role="alert">
        <p>{status === 404 ? t("errors.notFound") : t("errors.load")}</p>
        <button type="button" className="btn btn--tertiary btn--small" onClick={() => void query.refetch()}>
          {t("retry")}
        </button>
      </div>
    );
  }
  const Title = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="doc">
      <header className="doc__header">
        <p className="doc__status">
          <span className={`badge doc-status-badge doc-status-badge--${document.status ?? "draft"}`}>
            {t(`status.${document.status ?? "draft"}`)}
          </span>
          {document.number ? <span className="muted"> {document.number}</span> : null}
        </p>
        <Title className="doc__title">{document.title}</Title>
        {headingLevel === 2 ? (
          <Link to="/documents/$id" params={{ id: String(document.id) }} className="doc__open">
            {t("openFull")}
          </Link>
        ) : null}
      </header>
      {document.warnings.map((warning) => (
        <p key={warning.code + warning.field} className="notice notice--warning">{warning.message}</p>
      ))}
      <div className="doc__layout">
        <div className="doc__main">
          <OfficialLayout document={document} level={sub} />
          <Section title={t("sections.attachments")} level={sub}>
            <Attachments documentId={document.id} attachments={document.attachments} />
          </Section>
          {document.status === "approved" ? (
            <Section title={t("sections.pdf")} level={sub}>
              <SignedPdf documentId={document.id} />
            </Section>
          ) : null}
        </div>
        <div className="doc__side">
          <Section title={t("sections.comments")} level={sub}>
            <Comments document={document} />
          </Section>
          <Section title={t("sections.versions")} level={sub}>
            <Versions documentId={document.id} />
          </Section>
          <Section title={t("sections.timeline")} level={sub}>
            <Timeline items={document.timeline} />
          </Section>
        </div>
      </div>
      <ActionBar document={document} offered={offered} onActed={onActed} />
    </div>
  );
}
