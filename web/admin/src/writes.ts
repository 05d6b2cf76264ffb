/**
 * Conditional writes of whole items, in one place: today a PUT with If-Match (the ETag read with the item); when
 * the API's merge-patch writes land, only these functions change. Each returns the saved item and its new ETag, or
 * throws a ProblemError (a 412 means someone saved in between: the caller shows the conflict view).
 */
import { api, etagOf, type Schema } from "./api";
import { must } from "./forms";

export interface Saved<T> {
  item: T;
  etag: string | undefined;
}

const ifMatch = (etag: string | undefined) => (etag ? { "If-Match": etag } : undefined);

export async function loadArticle(id: string): Promise<Saved<Schema<"ArticleResponse">>> {
  const result = await api.GET("/api/v1/articles/{idOrSlug}", { params: { path: { idOrSlug: id } } });
  return { item: must(result), etag: etagOf(result.response) };
}

export async function saveArticle(
  id: string | undefined,
  command: Schema<"ArticleCommand">,
  etag: string | undefined,
): Promise<Saved<Schema<"ArticleResponse">>> {
  const result = id
    ? await api.PUT("/api/v1/articles/{id}", { params: { path: { id } }, body: command, headers: ifMatch(etag) })
    : await api.POST("/api/v1/articles", { body: command });
  return { item: must(result), etag: etagOf(result.response) };
}

export async function loadDirective(id: string): Promise<Saved<Schema<"DirectiveResponse">>> {
  const result = await api.GET("/api/v1/directives/{id}", { params: { path: { id } } });
  return { item: must(result), etag: etagOf(result.response) };
}

export async function saveDirective(
  id: string | undefined,
  command: Schema<"DirectiveCommand">,
  etag: string | undefined,
): Promise<Saved<Schema<"DirectiveResponse">>> {
  const result = id
    ? await api.PUT("/api/v1/directives/{id}", { params: { path: { id } }, body: command, headers: ifMatch(etag) })
    : await api.POST("/api/v1/directives", { body: command });
  return { item: must(result), etag: etagOf(result.response) };
}

export async function loadSettings(): Promise<Saved<Schema<"SettingsResponse">>> {
  const result = await api.GET("/api/v1/settings");
  return { item: must(result), etag: etagOf(result.response) };
}

export async function saveSettings(
  command: Schema<"SettingsCommand">,
  etag: string | undefined,
): Promise<Saved<Schema<"SettingsResponse">>> {
  const result = await api.PUT("/api/v1/settings", { body: command, headers: ifMatch(etag) });
  return { item: must(result), etag: etagOf(result.response) };
}
