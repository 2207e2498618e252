import { defineConfig } from "vite";

// The app serves dist/ at http://localhost:3000/; in development Vite proxies the API there
// (or to the fake API in dev/fake-api.mjs, which listens on the same port).
const apiTarget = process.env.SKAS_API_URL ?? "http://localhost:3000";

export default defineConfig({
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: { "/api": { target: apiTarget, changeOrigin: true } },
  },
  preview: { host: "127.0.0.1", port: 4173, proxy: { "/api": { target: apiTarget, changeOrigin: true } } },
});
