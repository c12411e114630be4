// Korean by default, English beside it. Each screen keeps its strings beside it in
// <folder>/locales/{ko,en}.json; the folder's name is its namespace (t("boxes:title")).
import i18n from "i18next";
import { josa } from "es-hangul";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = ["ko", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "dojang.language";

type Catalogue = Record<string, unknown>;
const files = import.meta.glob<Catalogue>("../**/locales/*.json", { eager: true, import: "default" });

export const resources: Record<Language, Record<string, Catalogue>> = { ko: {}, en: {} };
for (const [path, catalogue] of Object.entries(files)) {
  // Vite names this folder's own files "./locales/ko.json", the others "../boxes/locales/ko.json".
  const match = /^(?:\.\/|\.\.\/(.+)\/)locales\/(ko|en)\.json$/.exec(path);
  if (!match) continue;
  const namespace = !match[1] || match[1] === "i18n" ? "common" : match[1];
  resources[match[2] as Language][namespace] = catalogue;
}

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === "en" || stored === "ko") return stored;
  } catch {
    // storage refused (private mode): Korean
  }
  return "ko";
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: "ko",
  defaultNS: "common",
  ns: Object.keys(resources.ko),
  interpolation: { escapeValue: false },
  returnNull: false,
});

// "{{field, josa(particle: 을/를)}}" picks the particle that fits the word in Korean
// (아이디를, 비밀번호를); other languages get the word alone.
i18n.services.formatter?.add("josa", (value: unknown, lng: string | undefined, options: { particle?: string }) => {
  const word = String(value ?? "");
  const particle = options.particle as Parameters<typeof josa>[1] | undefined;
  if (lng !== "ko" || !particle || !word) return word;
  return josa(word, particle);
});

export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered, still switched
  }
  void i18n.changeLanguage(language);
}

i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export default i18n;
