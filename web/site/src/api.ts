/**
 * The site's reads from the Portal API, through the typed client (@portal/client): anonymous GETs only — the site
 * holds no key. Each function returns the API's own shapes (`Schema<…>`), or null when there is no such item.
 */
import { createPortalClient, type PortalClient, type Schema } from "@portal/client";

export type Settings = Schema<"SettingsResponse">;
export type Article = Schema<"ArticleResponse">;
export type ArticlePage = Schema<"ArticleListItemPage">;
export type Directive = Schema<"DirectiveResponse">;
export type DirectivePage = Schema<"DirectiveListItemPage">;
export type HitTotals = Schema<"HitTotals">;

/** The API answered something the site cannot show (not a 404): rendered as a 502 page. */
export class ApiError extends Error {
  constructor(readonly status: number, what: string) {
    super(`Portal API: ${what} answered ${status}`);
  }
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

function must<T>(what: string, answer: Answer<T>): T {
  if (answer.data === undefined) throw new ApiError(answer.response.status, what);
  return answer.data;
}

/** 404, and 400 (a slug or number the API cannot even read), mean there is no such page. */
function orNull<T>(what: string, answer: Answer<T>): T | null {
  if (answer.response.status === 404 || answer.response.status === 400) return null;
  return must(what, answer);
}

/** The reads one page needs, bound to one API origin. */
export class PortalApi {
  private readonly client: PortalClient;

  constructor(readonly baseUrl: string, fetchImpl?: typeof fetch) {
    this.client = createPortalClient({ baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  }

  async settings(): Promise<Settings> {
    return must("GET /settings", await this.client.GET("/api/v1/settings"));
  }

  async hits(): Promise<HitTotals> {
    return must("GET /hits", await this.client.GET("/api/v1/hits"));
  }

  /** A page of published articles, newest first; `q` searches (case- and tone-insensitive). */
  async articles(query: { q?: string; page?: number; pageSize?: number; directive?: string }): Promise<ArticlePage> {
    return must("GET /articles", await this.client.GET("/api/v1/articles", { params: { query } }));
  }

  async article(slug: string): Promise<Article | null> {
    return orNull("GET /articles/{slug}", await this.client.GET("/api/v1/articles/{id}", { params: { path: { id: slug } } }));
  }

  async directives(pageSize: number): Promise<DirectivePage> {
    return must("GET /directives", await this.client.GET("/api/v1/directives", { params: { query: { pageSize } } }));
  }

  /** A published directive by its number (số ký hiệu), e.g. "211/KH-HU". */
  async directiveByNumber(number: string): Promise<Directive | null> {
    return orNull("GET /directives/by-number", await this.client.GET("/api/v1/directives/by-number/{number}", { params: { path: { number } } }));
  }

  /** An absolute URL for a path the API returned (media, attachments), which may be relative to the API. */
  absolute(url: string): string {
    return new URL(url, this.baseUrl).toString();
  }
}
