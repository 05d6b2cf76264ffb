import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Served by Portal at /admin (Features/Admin); everything is bundled, nothing loads from a CDN.
export default defineConfig({
  base: "/admin/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": "http://127.0.0.1:5190" } },
});
