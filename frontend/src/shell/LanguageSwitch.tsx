import { useTranslation } from "react-i18next";
import { type Language, setLanguage } from "@/i18n";

/** Two links-as-buttons rather than a select: one press, and each says its language in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language as Language;
  return (
    <div className="language-switch" role="group" aria-label={t("account.language")}>
      {(["ko", "en"] as const).map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={current === language}
          onClick={() => setLanguage(language)}
        >
          {language === "ko" ? t("account.korean") : t("account.english")}
        </button>
      ))}
    </div>
  );
}
