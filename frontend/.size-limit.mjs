// Issue 13's first-load budgets, checked by `npm run size` after `npm run build`: the
// files come from Vite's manifest (scripts/first-load.mjs), so a new shared chunk a screen
// imports is counted without anyone editing a glob here.
import { join } from "node:path";
import { SCREENS, allCss, firstLoad, readManifest } from "./scripts/first-load.mjs";

// STAFF_APP_DIST: a build made elsewhere (the same variable Django serves it from).
const { dist, manifest } = readManifest(process.env.STAFF_APP_DIST);
const inDist = (files) => files.map((file) => join(dist, file));

export default [
  ...Object.entries(SCREENS).map(([screen, source]) => ({
    name: `first load of ${screen}: JavaScript`,
    path: inDist(firstLoad(manifest, source).js),
    gzip: true,
    limit: "170 kB",
  })),
  { name: "all CSS", path: inDist(allCss(manifest)), gzip: true, limit: "40 kB" },
];
