/**
 * Conditional writes of whole items, in one place: today a PUT with If-Match (the ETag read with the item); when
 * the API's merge-patch writes land, only these functions change. Each returns the saved item and its new ETag, or
 * throws a ProblemError (a 412 means someone saved in between: the caller shows the conflict view).
 */
import { api, etagOf, type Schema } from "./api";
import { must } from "./forms";

/** An item as stored, with the ETag to send as If-Match on its next write. */
export interface Saved<T> {
  item: T;
  etag: string | undefined;
}

/** The item an openapi-fetch call answered and its ETag, or the call's problem thrown as a ProblemError. */
async function versioned<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Saved<T>> {
  const result = await call;
  return { item: must(result), etag: etagOf(result.response) };
}

const ifMatch = (etag: string | undefined) => (etag ? { "If-Match": etag } : undefined);

export const loadArticle = (id: string) =>
  versioned(api.GET("/api/v1/articles/{id}", { params: { path: { id } } }));

/** PUT with If-Match when the article exists (id given), POST when it is new. */
export const saveArticle = (id: string | undefined, command: Schema<"ArticleCommand">, etag: string | undefined) =>
  versioned(
    id
      ? api.PUT("/api/v1/articles/{id}", { params: { path: { id } }, body: command, headers: ifMatch(etag) })
      : api.POST("/api/v1/articles", { body: command }),
  );

export const loadDirective = (id: string) => versioned(api.GET("/api/v1/directives/{id}", { params: { path: { id } } }));

/** PUT with If-Match when the directive exists (id given), POST when it is new. */
export const saveDirective = (id: string | undefined, command: Schema<"DirectiveCommand">, etag: string | undefined) =>
  versioned(
    id
      ? api.PUT("/api/v1/directives/{id}", { params: { path: { id } }, body: command, headers: ifMatch(etag) })
      : api.POST("/api/v1/directives", { body: command }),
  );

export const loadSettings = () => versioned(api.GET("/api/v1/settings"));

/** Settings always need If-Match (428 without): the ETag of the settings this form was read from. */
export const saveSettings = (command: Schema<"SettingsCommand">, etag: string | undefined) => {
  if (!etag) throw new Error("Settings must be read (with their ETag) before they are saved.");
  return versioned(api.PUT("/api/v1/settings", { body: command, params: { header: { "If-Match": etag } } }));
};
