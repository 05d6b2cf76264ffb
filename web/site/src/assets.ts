/** The site's static files (public/) and its browser script, bundled once at start-up by esbuild from src/browser/. */
import { readFile, readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface Asset {
  type: string;
  body: Uint8Array;
}

export type Assets = ReadonlyMap<string, Asset>;

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

const root = fileURLToPath(new URL("..", import.meta.url));

export async function loadAssets(): Promise<Assets> {
  const assets = new Map<string, Asset>();
  const publicDir = join(root, "public");
  for (const name of await readdir(publicDir)) {
    assets.set(name, { type: TYPES[extname(name)] ?? "application/octet-stream", body: await readFile(join(publicDir, name)) });
  }
  const bundle = await build({
    entryPoints: [join(root, "src/browser/site.ts")],
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const js = bundle.outputFiles[0];
  if (!js) throw new Error("esbuild produced no browser script");
  assets.set("site.js", { type: TYPES[".js"] ?? "text/javascript", body: js.contents });
  return assets;
}
