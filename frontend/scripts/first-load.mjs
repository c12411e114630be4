// What the browser fetches to first show a screen, read from Vite's build manifest
// (dist/.vite/manifest.json, `vite build --manifest`): the entry chunk, the route's lazy
// chunk, and every chunk either imports statically, with their CSS. Dynamic imports inside
// a route (a dialog, the rich-text editor) load later and are not counted.
//
//   node scripts/first-load.mjs [dist]   prints each screen's files and gzipped sizes
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = fileURLToPath(new URL("..", import.meta.url));

/** The screens the issue budgets, by the source file of their lazy route component. */
export const SCREENS = {
  "sign-in": "src/auth/SignInScreen.tsx",
  boxes: "src/boxes/BoxesScreen.tsx",
  document: "src/document/DocumentScreen.tsx",
};

export function readManifest(dist = join(here, "dist")) {
  const path = join(dist, ".vite", "manifest.json");
  try {
    return { dist, manifest: JSON.parse(readFileSync(path, "utf8")) };
  } catch (error) {
    throw new Error(`${path}: ${error.code ?? error.message}. Run \`npm run build\` first (it writes the manifest).`, {
      cause: error,
    });
  }
}

function entryKey(manifest) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
  return entries[0][0];
}

/** The files (js, css) the entry plus `source` load before the screen can paint. */
export function firstLoad(manifest, source) {
  const start = [entryKey(manifest)];
  if (source) {
    if (!manifest[source]) throw new Error(`${source} is not in the build manifest: was the route renamed?`);
    start.push(source);
  }
  const seen = new Set();
  const js = new Set();
  const css = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    if (chunk.file.endsWith(".js")) js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  start.forEach(visit);
  return { js: [...js], css: [...css] };
}

/** Every CSS file of the build (the budget is for all of it). */
export function allCss(manifest) {
  const css = new Set();
  for (const chunk of Object.values(manifest)) {
    for (const file of chunk.css ?? []) css.add(file);
    if (chunk.file.endsWith(".css")) css.add(chunk.file);
  }
  return [...css];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { dist, manifest } = readManifest(process.argv[2] ? resolve(process.argv[2]) : undefined);
  const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  for (const [screen, source] of Object.entries(SCREENS)) {
    const { js } = firstLoad(manifest, source);
    const total = js.reduce((sum, file) => sum + gz(file), 0);
    console.log(`${screen}: ${kb(total)} gzipped JS in ${js.length} files`);
    for (const file of js) console.log(`  ${kb(gz(file)).padStart(9)}  ${file}`);
  }
  const css = allCss(manifest);
  console.log(`css: ${kb(css.reduce((sum, file) => sum + gz(file), 0))} gzipped in ${css.length} files`);
}
