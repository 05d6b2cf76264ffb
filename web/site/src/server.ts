/**
 * Starts the reference portal.
 *   PORTAL_API   the API's origin (default http://127.0.0.1:5080, `make run`'s)
 *   PORTAL_PUBLIC_API  the API's origin as browsers reach it (default PORTAL_API)
 *   SITE_URL     where to listen (default http://127.0.0.1:5090)
 */
import { serve } from "@hono/node-server";
import { createSite } from "./app.js";
import { loadAssets } from "./assets.js";

const apiBase = process.env.PORTAL_API ?? "http://127.0.0.1:5080";
const siteUrl = new URL(process.env.SITE_URL ?? "http://127.0.0.1:5090");
const app = createSite({ apiBase, publicApiBase: process.env.PORTAL_PUBLIC_API ?? apiBase, assets: await loadAssets() });

const server = serve({ fetch: app.fetch, hostname: siteUrl.hostname, port: Number(siteUrl.port || 80) }, (info) => {
  console.log(`Reference portal on http://${siteUrl.hostname}:${info.port}/ (API ${apiBase})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
