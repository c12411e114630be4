import "@testing-library/jest-dom/vitest";
import i18n, { NAMESPACES } from "@/i18n";

// Screens load their catalogues lazily in the app; tests read every string at once.
await i18n.loadLanguages(["ko", "en"]);
await i18n.loadNamespaces(NAMESPACES);
