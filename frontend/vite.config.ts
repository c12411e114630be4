import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Django serves the built app on its own origin: the shell at /app/, the files under
// /static/app/ (STATICFILES_DIRS in config/settings/base.py). `npm run dev` proxies the API.
export default defineConfig({
  base: "/static/app/",
  plugins: [react()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  build: { outDir: "dist", assetsDir: "assets", sourcemap: false, chunkSizeWarningLimit: 600 },
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:8000", "/static": "http://127.0.0.1:8000" },
  },
});
