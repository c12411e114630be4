import { useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";
import { LanguageSwitch } from "@/shell/LanguageSwitch";
import { useDocumentTitle } from "@/shell/useDocumentTitle";
import { Button } from "@/ui/Button";
import { FormField } from "@/ui/FormField";
import { meQuery } from "./me";
import { safeNext } from "./safe-next";
import "./sign-in.css";

// Sign-in is the first screen anyone loads: plain react-hook-form rules, no schema library.
interface Values {
  username: string;
  password: string;
}

export function SignInScreen() {
  const { t } = useTranslation("auth");
  const { next, expired } = useSearch({ from: "/sign-in" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { username: "", password: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      unwrap(await api.GET("/api/auth/csrf/"));
      unwrap(await api.POST("/api/auth/session/", { body: { username: values.username.trim(), password: values.password } }));
      await queryClient.invalidateQueries({ queryKey: ["me"] });
      await queryClient.fetchQuery(meQuery);
      // href, not to: `next` carries its own search ("?page=2"), which the router parses.
      // Replace: Back from where the person returned never lands on sign-in again.
      await navigate({ href: safeNext(next), replace: true });
    } catch (error) {
      setFailure(error instanceof ApiFailure && error.body ? error.body.detail : t("failed"));
    }
  });

  useDocumentTitle(t("title"));
  const { errors, isSubmitting } = form.formState;
  return (
    <main className="sign-in" id="main">
      <div className="sign-in__panel">
        <div className="sign-in__top">
          <LanguageSwitch />
        </div>
        <h1 className="sign-in__title">{t("common:app.name")}</h1>
        <p className="sign-in__lead">{t("lead")}</p>
        {expired ? (
          <p className="notice notice--info" role="status">
            {t("common:errors.sessionExpired")}
          </p>
        ) : null}
        <form onSubmit={onSubmit} noValidate aria-describedby={failure ? "sign-in-failure" : undefined}>
          <FormField
            label={t("username")}
            autoComplete="username"
            error={errors.username ? t("required", { field: t("username") }) : undefined}
            {...form.register("username", { validate: (value) => value.trim() !== "" })}
          />
          <FormField
            label={t("password")}
            type="password"
            autoComplete="current-password"
            error={errors.password ? t("required", { field: t("password") }) : undefined}
            {...form.register("password", { required: true })}
          />
          {failure ? (
            <p className="notice notice--danger" role="alert" id="sign-in-failure">
              {failure}
            </p>
          ) : null}
          <Button type="submit" variant="primary" size="large" isPending={isSubmitting} className="sign-in__submit">
            {t("submit")}
          </Button>
        </form>
      </div>
    </main>
  );
}
