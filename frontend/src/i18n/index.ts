// Korean by default, English beside it. Each screen keeps its strings beside it in
// <folder>/locales/{ko,en}.json; the folder's name is its namespace (t("boxes:title")).
import i18n from "i18next";
import { josa } from "es-hangul";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = ["ko", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "dojang.language";

type Catalogue = Record<string, unknown>;
type Loader = () => Promise<Catalogue>;

// The shell's own strings come with the first load; each screen's catalogue is its own small
// chunk, fetched with the screen (react-i18next suspends until it is there). Bundling every
// screen's strings would cost each first load about 18 KB gzipped.
const EAGER = new Set(["common", "shell"]);
const lazyFiles = import.meta.glob<Catalogue>(["../**/locales/*.json", "!./locales/*.json", "!../shell/locales/*.json"], {
  import: "default",
});
const eagerFiles = import.meta.glob<Catalogue>(["./locales/*.json", "../shell/locales/*.json"], {
  eager: true,
  import: "default",
});

function namespaceOf(path: string): { namespace: string; language: Language } | null {
  // Vite names this folder's own files "./locales/ko.json", the others "../boxes/locales/ko.json".
  const match = /^(?:\.\/|\.\.\/(.+)\/)locales\/(ko|en)\.json$/.exec(path);
  if (!match) return null;
  const namespace = !match[1] || match[1] === "i18n" ? "common" : match[1];
  return { namespace, language: match[2] as Language };
}

const bundled: Record<Language, Record<string, Catalogue>> = { ko: {}, en: {} };
for (const [path, catalogue] of Object.entries(eagerFiles)) {
  const found = namespaceOf(path);
  if (found) bundled[found.language][found.namespace] = catalogue;
}
const loaders = new Map<string, Loader>();
for (const [path, load] of Object.entries(lazyFiles)) {
  const found = namespaceOf(path);
  if (found && !EAGER.has(found.namespace)) loaders.set(`${found.language}/${found.namespace}`, load);
}

/** Every namespace the app has (for tests and the catalogue check). */
export const NAMESPACES = [...new Set([...Object.keys(bundled.ko), ...[...loaders.keys()].map((key) => key.split("/")[1] ?? "")])];

/** Every catalogue in both languages, read from the files (the catalogue check compares them). */
export async function loadCatalogues(): Promise<Record<Language, Record<string, Catalogue>>> {
  const all: Record<Language, Record<string, Catalogue>> = { ko: { ...bundled.ko }, en: { ...bundled.en } };
  for (const [key, load] of loaders) {
    const [language, namespace] = key.split("/") as [Language, string];
    all[language][namespace] = await load();
  }
  return all;
}

const screenCatalogues = {
  type: "backend" as const,
  init() {},
  read(language: string, namespace: string, callback: (error: unknown, data: Catalogue | null) => void) {
    const load = loaders.get(`${language}/${namespace}`);
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (data) => callback(null, data),
      (error: unknown) => callback(error, null),
    );
  },
};

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === "en" || stored === "ko") return stored;
  } catch {
    // storage refused (private mode): Korean
  }
  return "ko";
}

void i18n.use(screenCatalogues).use(initReactI18next).init({
  resources: bundled,
  partialBundledLanguages: true,
  lng: initialLanguage(),
  fallbackLng: "ko",
  defaultNS: "common",
  ns: [...EAGER],
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
