/**
 * The reference portal's routes (Hono, server-rendered JSX): every page is complete HTML without JavaScript.
 *   /                     home: banner, newest news
 *   /tin-tuc?q=&page=     news list, search (case- and tone-insensitive, by the API) and paging
 *   /tin-tuc/{slug}       one article: figure, caption, author, links to the directives it relates to
 *   /van-ban              directives
 *   /van-ban/{number}     one directive by its number (e.g. /van-ban/211/KH-HU): relations both ways, attachments
 *   ?theme={key}          on any page: choose a theme colour (kept in a cookie)
 */
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { ApiError, PortalApi, type ArticlePage } from "./api.js";
import { type Assets } from "./assets.js";
import { type Frame, currentTheme } from "./views/layout.js";
import { ArticlePageView, DirectiveListPage, DirectivePageView, ErrorPage, HomePage, NewsListPage } from "./views/pages.js";
import { THEME_COOKIE } from "./theme.js";

export interface SiteOptions {
  /** The API's origin as the server reaches it, e.g. http://127.0.0.1:5080. */
  apiBase: string;
  /** The API's origin as the reader's browser reaches it (images, downloads, page views); defaults to apiBase. */
  publicApiBase?: string;
  assets: Assets;
  /** The clock (tests may fix it); the date line is the day in Asia/Ho_Chi_Minh. */
  now?: () => Date;
}

const PAGE_SIZE = 10;

export function createSite(options: SiteOptions) {
  const api = new PortalApi(options.apiBase);
  const publicApi = (options.publicApiBase ?? options.apiBase).replace(/\/+$/, "");
  const now = options.now ?? (() => new Date());
  const app = new Hono();

  /** Settings, counter and the sidebar's documents, plus the theme the reader chose (and keeps, via the cookie). */
  async function frame(c: Context, extra: Partial<Frame> = {}): Promise<Frame> {
    const [settings, hits, directives] = await Promise.all([api.settings(), api.hits(), api.directives(5)]);
    let themeKey = getCookie(c, THEME_COOKIE);
    const asked = c.req.query("theme");
    if (asked !== undefined && (settings.themeColours ?? []).some((t) => t.key === asked)) {
      themeKey = asked;
      setCookie(c, THEME_COOKIE, asked, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "Lax" });
    }
    themeKey = currentTheme(settings, themeKey)?.key;
    return { settings, hits, directives, themeKey, now: now(), apiBase: publicApi, path: new URL(c.req.url).pathname, ...extra };
  }

  app.get("/assets/:name", (c) => {
    const asset = options.assets.get(c.req.param("name"));
    if (!asset) return c.text("Not found", 404);
    c.header("Content-Type", asset.type);
    c.header("Cache-Control", "public, max-age=300");
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });

  app.get("/", async (c) => {
    const [f, news] = await Promise.all([frame(c), api.articles({ pageSize: PAGE_SIZE })]);
    return c.html(<HomePage frame={f} news={news} />);
  });

  app.get("/tin-tuc", async (c) => {
    const q = c.req.query("q")?.trim() || undefined;
    const pageParam = Number.parseInt(c.req.query("page") ?? "1", 10);
    const page = Number.isFinite(pageParam) && pageParam >= 1 && pageParam <= 100000 ? pageParam : 1;
    const f = await frame(c, { q });
    let news: ArticlePage;
    try {
      news = await api.articles({ ...(q ? { q } : {}), page, pageSize: PAGE_SIZE });
    } catch (e) {
      // The API refuses some searches (e.g. more than 10 different words): say so instead of failing the page.
      if (e instanceof ApiError && e.status === 400) {
        c.status(400);
        return c.html(<ErrorPage frame={f} status={400} message="Từ khóa tìm kiếm không hợp lệ (tối đa 10 từ, 200 ký tự)." />);
      }
      throw e;
    }
    return c.html(<NewsListPage frame={f} news={news} q={q} />);
  });

  app.get("/tin-tuc/:slug", async (c) => {
    const slug = c.req.param("slug");
    const article = await api.article(slug);
    if (!article) return notFound(c);
    // An old slug (or the id) reaches the article too: send the reader to its current address.
    if (article.slug && article.slug !== slug) return c.redirect(`/tin-tuc/${encodeURIComponent(article.slug)}`, 301);
    const f = await frame(c, { articleId: article.id });
    return c.html(<ArticlePageView frame={f} article={article} />);
  });

  app.get("/van-ban", async (c) => {
    const [f, list] = await Promise.all([frame(c), api.directives(50)]);
    return c.html(<DirectiveListPage frame={f} list={list} />);
  });

  app.get("/van-ban/*", async (c) => {
    const rest = new URL(c.req.url).pathname.slice("/van-ban/".length);
    let number: string;
    try {
      number = rest.split("/").map(decodeURIComponent).join("/");
    } catch {
      return notFound(c);
    }
    const directive = number ? await api.directiveByNumber(number) : null;
    if (!directive) return notFound(c);
    const [f, articles] = await Promise.all([
      frame(c, { directiveId: directive.id }),
      api.articles({ directive: directive.id ?? "", pageSize: PAGE_SIZE }),
    ]);
    return c.html(<DirectivePageView frame={f} directive={directive} articles={articles} />);
  });

  async function notFound(c: Context) {
    const f = await frame(c);
    c.status(404);
    return c.html(<ErrorPage frame={f} status={404} message="Trang bạn tìm không có hoặc đã được gỡ bỏ." />);
  }

  app.notFound((c) => notFound(c));

  app.onError((err, c) => {
    console.error(err);
    const status = err instanceof ApiError ? 502 : 500;
    return c.html(
      `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Không tải được trang</title></head>` +
        `<body><main><h1>Không tải được trang</h1><p>Máy chủ nội dung chưa trả lời. Vui lòng thử lại sau.</p></main></body></html>`,
      status,
    );
  });

  return app;
}
