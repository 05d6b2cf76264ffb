/** The portal's pages: home, news list (paging, search), article, directive list, directive (by number), errors. */
import { raw } from "hono/html";
import type { Article, ArticlePage, Directive, DirectivePage } from "../api.js";
import { calendarDate, dateTime } from "../dates.js";
import { directiveHref, type Frame, Layout } from "./layout.js";

/** Turns the API's relative URLs in sanitised HTML (`src="/api/v1/media/…"`) into absolute ones on the API's origin. */
export function absolutiseHtml(html: string, apiBase: string): string {
  const base = apiBase.replace(/\/+$/, "");
  return html
    .replace(/\b(src|href)="\/(?!\/)/g, (_m, attr: string) => `${attr}="${base}/`)
    // An image whose file was never captured (the seeded figure keeps only its alt text) would show as a broken
    // image: its description is shown in its place, as the figure's text alternative.
    .replace(/<img\b(?![^>]*\ssrc=)[^>]*?\balt="([^"]*)"[^>]*>/g, (_m, alt: string) => `<span class="image-missing">${alt}</span>`);
}

type ListItem = NonNullable<ArticlePage["items"]>[number];

function NewsItem({ item }: { item: ListItem }) {
  return (
    <li class="news-item">
      <h3><a href={`/tin-tuc/${encodeURIComponent(item.slug ?? "")}`}>{item.title}</a></h3>
      <p class="meta"><time datetime={item.publishedAt ?? undefined}>{dateTime(item.publishedAt)}</time>
        {item.category?.name ? ` · ${item.category.name}` : ""}</p>
      {item.summary ? <p class="summary">{item.summary}</p> : null}
    </li>
  );
}

export function HomePage({ frame, news }: { frame: Frame; news: ArticlePage }) {
  const items = news.items ?? [];
  return (
    <Layout frame={frame} title={frame.settings.siteName ?? "Trang thông tin điện tử"}>
      <h1 class="visually-hidden">{frame.settings.siteName}</h1>
      <section aria-labelledby="news-title">
        <h2 id="news-title" class="section-title">Tin tức - Sự kiện</h2>
        {items.length === 0 ? <p>Chưa có tin bài.</p> : <ul class="news">{items.map((i) => <NewsItem item={i} />)}</ul>}
        <p class="more"><a href="/tin-tuc">Xem tất cả tin bài</a></p>
      </section>
    </Layout>
  );
}

function pageHref(q: string | undefined, page: number) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/tin-tuc?${s}` : "/tin-tuc";
}

export function NewsListPage({ frame, news, q }: { frame: Frame; news: ArticlePage; q: string | undefined }) {
  const items = news.items ?? [];
  const page = news.page ?? 1;
  const pages = news.totalPages ?? 1;
  return (
    <Layout frame={frame} title={q ? `Tìm kiếm: ${q}` : "Tin tức - Sự kiện"}>
      <h1 class="section-title">{q ? `Kết quả tìm kiếm “${q}”` : "Tin tức - Sự kiện"}</h1>
      <p class="muted" data-result-count>{q ? `Tìm thấy ${news.totalItems ?? 0} tin bài.` : `${news.totalItems ?? 0} tin bài.`}</p>
      {items.length === 0 ? <p>Không tìm thấy tin bài nào.</p> : <ul class="news">{items.map((i) => <NewsItem item={i} />)}</ul>}
      {pages > 1 ? (
        <nav class="pager" aria-label="Phân trang">
          {page > 1 ? <a href={pageHref(q, page - 1)} rel="prev">« Trang trước</a> : null}
          <span>Trang {page} / {pages}</span>
          {page < pages ? <a href={pageHref(q, page + 1)} rel="next">Trang sau »</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}

export function ArticlePageView({ frame, article }: { frame: Frame; article: Article }) {
  const cover = article.coverImage;
  const body = absolutiseHtml(article.bodyHtml ?? "", frame.apiBase);
  // The seeded body carries its figure; a cover image is shown only when the body has no figure of its own.
  const showCover = cover?.url && !/<figure\b/i.test(body);
  return (
    <Layout frame={frame} title={article.title ?? ""}>
      <article class="article">
        <p class="meta">{article.category?.name ? <a href="/tin-tuc">{article.category.name}</a> : null}
          {" · "}<time datetime={article.publishedAt ?? undefined}>{dateTime(article.publishedAt)}</time></p>
        <h1>{article.title}</h1>
        {showCover ? (
          <figure>
            <img src={frame.apiBase.replace(/\/+$/, "") + (cover.url ?? "")} alt={cover.altText ?? ""} />
            {cover.caption ? <figcaption>{cover.caption}</figcaption> : null}
          </figure>
        ) : null}
        <div class="body">{raw(body)}</div>
        {article.author ? <p class="author">{article.author}</p> : null}
        {(article.directives ?? []).length > 0 ? (
          <section class="related" aria-labelledby="article-directives">
            <h2 id="article-directives">Văn bản liên quan</h2>
            <ul>
              {(article.directives ?? []).map((d) => (
                <li><a href={directiveHref(d.number ?? "")}>{d.typeName} số {d.number}</a> — {d.abstract}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </Layout>
  );
}

export function DirectiveListPage({ frame, list }: { frame: Frame; list: DirectivePage }) {
  return (
    <Layout frame={frame} title="Văn bản">
      <h1 class="section-title">Văn bản</h1>
      <table class="docs">
        <caption class="visually-hidden">Văn bản đã ban hành</caption>
        <thead><tr><th scope="col">Số ký hiệu</th><th scope="col">Ngày ban hành</th><th scope="col">Trích yếu</th></tr></thead>
        <tbody>
          {(list.items ?? []).map((d) => (
            <tr>
              <td><a href={directiveHref(d.number ?? "")}>{d.number}</a></td>
              <td>{calendarDate(d.issuedOn)}</td>
              <td>{d.abstract}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

const KIND: Record<string, [outgoing: string, incoming: string]> = {
  implements: ["Triển khai thực hiện", "Được triển khai bởi"],
  amends: ["Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"],
  replaces: ["Thay thế", "Được thay thế bởi"],
  guides: ["Hướng dẫn", "Được hướng dẫn bởi"],
};

const VALIDITY: Record<string, string> = {
  inForce: "Còn hiệu lực", notYetInForce: "Chưa có hiệu lực", expired: "Hết hiệu lực", replaced: "Bị thay thế",
};

function size(bytes: number | undefined) {
  const n = bytes ?? 0;
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function DirectivePageView({ frame, directive: d, articles }: { frame: Frame; directive: Directive; articles: ArticlePage }) {
  const api = frame.apiBase.replace(/\/+$/, "");
  return (
    <Layout frame={frame} title={`${d.type?.name ?? "Văn bản"} số ${d.number}`}>
      <article class="directive">
        <h1>{d.type?.name} số {d.number}</h1>
        <p class="abstract">{d.abstract}</p>
        <table class="facts">
          <caption class="visually-hidden">Thuộc tính văn bản</caption>
          <tbody>
            <tr><th scope="row">Số ký hiệu</th><td data-directive-number>{d.number}</td></tr>
            <tr><th scope="row">Cơ quan ban hành</th><td>{d.issuer?.name}</td></tr>
            <tr><th scope="row">Ngày ban hành</th><td>{calendarDate(d.issuedOn)}</td></tr>
            {d.effectiveOn ? <tr><th scope="row">Ngày hiệu lực</th><td>{calendarDate(d.effectiveOn)}</td></tr> : null}
            {d.signer ? <tr><th scope="row">Người ký</th><td>{d.signer}</td></tr> : null}
            <tr><th scope="row">Tình trạng</th><td>{VALIDITY[d.validity ?? ""] ?? d.validity}</td></tr>
          </tbody>
        </table>
        {d.contentHtml ? <div class="body">{raw(absolutiseHtml(d.contentHtml, frame.apiBase))}</div> : null}
        <section aria-labelledby="relations" class="related">
          <h2 id="relations">Văn bản liên quan</h2>
          {(d.relations ?? []).length === 0 ? <p>Không có.</p> : (
            <ul data-relations>
              {(d.relations ?? []).map((r) => {
                const label = KIND[r.kind ?? ""]?.[r.direction === "incoming" ? 1 : 0] ?? r.kind;
                return (
                  <li data-relation-direction={r.direction}>
                    {label}: <a href={directiveHref(r.directive?.number ?? "")}>{r.directive?.typeName} số {r.directive?.number}</a>
                    {" — "}{r.directive?.abstract}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section aria-labelledby="attachments" class="related">
          <h2 id="attachments">Tệp đính kèm</h2>
          {(d.attachments ?? []).length === 0 ? <p>Không có tệp đính kèm.</p> : (
            <ul>
              {(d.attachments ?? []).map((a) => (
                <li><a href={new URL(a.url ?? "", api + "/").toString()} download={a.fileName}>{a.fileName}</a> <span class="muted">({size(a.length)})</span></li>
              ))}
            </ul>
          )}
        </section>
        {(articles.items ?? []).length > 0 ? (
          <section aria-labelledby="mentioned" class="related">
            <h2 id="mentioned">Tin bài liên quan</h2>
            <ul>{(articles.items ?? []).map((a) => <li><a href={`/tin-tuc/${encodeURIComponent(a.slug ?? "")}`}>{a.title}</a></li>)}</ul>
          </section>
        ) : null}
      </article>
    </Layout>
  );
}

export function ErrorPage({ frame, status, message }: { frame: Frame; status: number; message: string }) {
  return (
    <Layout frame={frame} title={status === 404 ? "Không tìm thấy trang" : "Lỗi"}>
      <h1 class="section-title">{status === 404 ? "Không tìm thấy trang" : "Không tải được trang"}</h1>
      <p>{message}</p>
      <p><a href="/">Về trang chủ</a></p>
    </Layout>
  );
}
