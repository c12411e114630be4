import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "@/auth/me";
import { Button } from "@/ui/Button";
import type { Person } from "@/ui/PersonCombobox";
import { AbsenceForm } from "./AbsenceForm";
import { AbsenceList } from "./AbsenceList";
import { CancelDialog } from "./CancelDialog";
import { type Absence, myAbsencesQuery, personQuery } from "./queries";
import "./absence.css";

export function AbsenceScreen() {
  const { t } = useTranslation("absence");
  const me = useMe();
  const selfId = me.person?.id;
  const { edit } = useSearch({ from: "/signed-in/absence" });
  const navigate = useNavigate({ from: "/absence" });
  const list = useQuery(myAbsencesQuery(selfId));
  const [cancelling, setCancelling] = useState<Absence | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [saves, setSaves] = useState(0);

  const absences = list.data?.results ?? [];
  const editing = edit === undefined ? undefined : absences.find((absence) => absence.id === edit);
  const deputy = useQuery(personQuery(editing?.deputy.id));
  // The picker shows people as the people API gives them; when that fails (a deputy who has
  // since left is not listed), the absence's own brief record of the deputy stands in.
  const deputyPerson: Person | undefined =
    deputy.data ?? (editing && deputy.isError ? { ...editing.deputy, name_en: "", position: null } : undefined);
  const stopEditing = () => void navigate({ search: {} });
  const formHeading = useRef<HTMLHeadingElement>(null);

  // Opening an absence to change takes the person to the form (below the list on a phone's
  // scroll, above it in reading order); the last save's message no longer applies.
  useEffect(() => {
    if (edit === undefined) return;
    setAnnouncement("");
    formHeading.current?.focus();
    formHeading.current?.scrollIntoView?.({ block: "start" });
  }, [edit]);

  return (
    <main className="page absence-page" id="main">
      <h1 className="page__title">{t("title")}</h1>
      <p className="absence-page__lead">{t("lead")}</p>
      <p role="status" className="absence-page__announcement">
        {announcement}
      </p>
      <div className="absence-page__columns">
        <section className="card absence-page__form" aria-labelledby="absence-form-title">
          <h2 id="absence-form-title" className="absence-page__heading" ref={formHeading} tabIndex={-1}>
            {editing ? t("editTitle") : t("newTitle")}
          </h2>
          {edit !== undefined && (list.isPending || (editing && !deputyPerson)) ? (
            <p className="muted">{t("common:state.loading")}</p>
          ) : edit !== undefined && !editing ? (
            <p className="notice notice--warning">
              {t("editMissing")} <Button onPress={stopEditing}>{t("newTitle")}</Button>
            </p>
          ) : (
            <AbsenceForm
              // A fresh form for each absence opened, and after each save.
              key={`${editing?.id ?? "new"}-${saves}`}
              editing={editing && deputyPerson ? { absence: editing, deputy: deputyPerson } : undefined}
              selfId={selfId}
              onCancel={editing ? stopEditing : undefined}
              onDone={(saved) => {
                setAnnouncement(editing ? t("changed") : t("saved", { name: saved.deputy.name }));
                setSaves((count) => count + 1);
                stopEditing();
              }}
            />
          )}
        </section>
        <section className="absence-page__list" aria-labelledby="absence-list-title">
          <h2 id="absence-list-title" className="absence-page__heading">
            {t("mine")}
          </h2>
          {list.isPending ? (
            <p className="muted">{t("common:state.loading")}</p>
          ) : list.error ? (
            <div className="notice notice--danger" role="alert">
              <p>{t("common:state.error")}</p>
              <Button onPress={() => void list.refetch()}>{t("common:state.retry")}</Button>
            </div>
          ) : (
            <AbsenceList absences={absences} editingId={editing?.id} onCancel={setCancelling} />
          )}
        </section>
      </div>
      <CancelDialog
        absence={cancelling}
        onClose={(cancelled) => {
          if (cancelled) {
            setAnnouncement(t("cancelled"));
            if (cancelling?.id === edit) stopEditing();
          }
          setCancelling(null);
        }}
      />
    </main>
  );
}
