/**
 * Portal's typed client: openapi-fetch over the types openapi-typescript generates from the committed openapi.json
 * (src/schema.d.ts — never edited by hand; `make openapi` regenerates it).
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths } from "./schema.js";

/** The API's schemas by name, e.g. `Schema<"ArticleResponse">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

/** An RFC 9457 problem details document, as every 4xx/5xx answer carries (validation errors list JSON paths). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

export interface PortalClientOptions {
  /** The server's origin, e.g. `http://127.0.0.1:5080` (the client adds the API paths, which start with /api/v1). */
  baseUrl: string;
  /** An API key (`ptl_…`), sent as `Authorization: Bearer`; omit for anonymous reads. A function is asked per request. */
  apiKey?: string | (() => string | undefined);
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof globalThis.fetch;
}

export type PortalClient = Client<paths>;

/** Creates a typed client for one Portal server. */
export function createPortalClient(options: PortalClientOptions): PortalClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { apiKey } = options;
  if (apiKey !== undefined) {
    const auth: Middleware = {
      onRequest({ request }) {
        const key = typeof apiKey === "function" ? apiKey() : apiKey;
        if (key) request.headers.set("Authorization", `Bearer ${key}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}

/** True when a value is a problem details document (as openapi-fetch returns in `error`). */
export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && ("status" in value || "title" in value || "type" in value);
}
