/**
 * The README's examples and the promises it makes about the generated types, checked by `tsc --strict` in CI
 * (`npm run check`); nothing here runs.
 */
import { createPortalClient, isProblem, type Schema } from "../src/index.js";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

// Members the API always returns are not optional; null only where the API writes null.
export const articleHasNoOptionalMember: Equals<RequiredKeys<Schema<"ArticleResponse">>, keyof Schema<"ArticleResponse">> = true;
export const listItemHasNoOptionalMember: Equals<RequiredKeys<Schema<"ArticleListItem">>, keyof Schema<"ArticleListItem">> = true;
export const titleIsAString: Equals<Schema<"ArticleResponse">["title"], string> = true;
export const categoryMayBeNull: Equals<Schema<"ArticleResponse">["category"], Schema<"CategoryRef"> | null> = true;
export const coverMayBeNull: Equals<Schema<"ArticleResponse">["coverImage"], Schema<"ImageResponse"> | null> = true;
export const syncArticleMayBeNull: Equals<Schema<"SyncItem">["article"], Schema<"ArticleResponse"> | null> = true;

export async function readmeExamples(id: string, visitorId: string, file: Blob): Promise<void> {
  const portal = createPortalClient({ baseUrl: "https://cong.example.gov.vn" });
  const editor = createPortalClient({ baseUrl: "https://cong.example.gov.vn", apiKey: () => undefined });

  const { data, error, response } = await portal.GET("/api/v1/articles", {
    params: { query: { category: "tin-tuc", page: 1, pageSize: 20, sort: "-publishedAt" } },
  });
  if (error) {
    console.error(response.status, error.title, isProblem(error) ? error.errors : undefined);
  } else {
    const page: Schema<"ArticleListItemPage"> = data;
    for (const a of page.items) console.log(a.title, a.category?.name ?? "(no category)");
  }

  const got = await editor.GET("/api/v1/articles/{id}", { params: { path: { id } } });
  const etag = got.response.headers.get("ETag") ?? "*";
  if (got.data) {
    const { title, bodyHtml } = got.data;
    const saved = await editor.PUT("/api/v1/articles/{id}", {
      params: { path: { id }, header: { "If-Match": etag } },
      body: { title, bodyHtml },
    });
    console.log(saved.response.status === 412 ? "stale" : saved.response.headers.get("ETag"));
  }

  const media = await editor.POST("/api/v1/media", {
    body: { file: "" }, // the typed part; the serializer sends the real bytes
    bodySerializer: () => {
      const form = new FormData();
      form.append("file", file);
      return form;
    },
  });
  console.log(media.data?.url);

  await portal.POST("/api/v1/hits", {
    body: { path: "/", articleId: id },
    headers: { "X-Visitor-Id": visitorId },
  });
}
