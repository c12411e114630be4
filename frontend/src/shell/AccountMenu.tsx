import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { useMe } from "@/auth/me";
import { Button } from "@/ui/Button";
import { useDisclosure } from "@/ui/useDisclosure";
import { LanguageSwitch } from "./LanguageSwitch";

export function AccountMenu({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { buttonProps, panelProps } = useDisclosure();
  const unit = me.person?.unit.name ?? "";
  const position = me.person?.position
    ? (i18n.language === "en" && me.person.position.title_en) || me.person.position.title
    : "";

  const [failed, setFailed] = useState(false);

  // What was loaded for this person is forgotten only once the server ended the session:
  // a sign-out that did not reach the server says so rather than pretending.
  async function signOut() {
    setFailed(false);
    try {
      const { response } = await api.POST("/api/auth/session/logout/");
      if (!response.ok && response.status !== 401 && response.status !== 403) throw new Error(String(response.status));
    } catch {
      setFailed(true);
      return;
    }
    await queryClient.cancelQueries();
    queryClient.clear();
    await navigate({ to: "/sign-in", search: {}, replace: true });
  }

  return (
    <div className="shell__account-wrap">
      <button type="button" className="shell__account" {...buttonProps}>
        <span className="shell__account-name">{name}</span>
        <span className="shell__account-unit">{unit}</span>
      </button>
      <div className="popover" {...panelProps}>
        <p className="popover__who">
          <strong>{name}</strong>
          <br />
          <span className="muted">{t("account.unitAndPosition", { unit, position })}</span>
        </p>
        <LanguageSwitch />
        <Button variant="tertiary" onPress={() => void signOut()} className="popover__sign-out">
          {t("account.signOut")}
        </Button>
        {failed ? (
          <p className="field__error" role="alert">
            {t("shell:signOutFailed")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
