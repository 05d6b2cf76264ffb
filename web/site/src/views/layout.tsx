/** The page frame every route shares: header (emblem, agency, date line, theme switch), nav, banner, sidebar, footer. */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import type { HitTotals, Settings, DirectivePage } from "../api.js";
import { dateLine } from "../dates.js";
import { cssHex, themeStyle } from "../theme.js";

export interface Frame {
  settings: Settings;
  hits: HitTotals;
  directives: DirectivePage;
  /** The theme key the reader chose (cookie or ?theme=), or undefined for the default one. */
  themeKey: string | undefined;
  now: Date;
  apiBase: string;
  /** The page's own path, as reported in its page view. */
  path: string;
  articleId?: string | undefined;
  directiveId?: string | undefined;
  /** The search words, shown back in the header's search box. */
  q?: string | undefined;
}

const number = (n: number | undefined) => (n ?? 0).toLocaleString("vi-VN");

/** The theme in force: the chosen key if the settings still offer it, else the default (or the first). */
export function currentTheme(settings: Settings, key: string | undefined) {
  const colours = settings.themeColours ?? [];
  return colours.find((c) => c.key === key) ?? colours.find((c) => c.isDefault) ?? colours[0];
}

const Emblem = () => (
  <svg class="emblem" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">
    <circle cx="32" cy="32" r="30" fill="#DA251D" stroke="#F7D117" stroke-width="3" />
    <polygon fill="#F7D117" points="32,12 37.3,26.6 52.9,27.2 40.6,36.8 44.9,51.8 32,43.1 19.1,51.8 23.4,36.8 11.1,27.2 26.7,26.6" />
  </svg>
);

function ThemeSwitch({ frame }: { frame: Frame }) {
  const chosen = currentTheme(frame.settings, frame.themeKey);
  return (
    <ul class="themes" aria-label="Chọn màu giao diện">
      {(frame.settings.themeColours ?? []).map((c) => (
        <li>
          <a href={`?theme=${encodeURIComponent(c.key ?? "")}`} data-theme-key={c.key} data-theme-hex={cssHex(c.hex)}
            aria-current={c.key === chosen?.key ? "true" : undefined}>
            <span class="swatch" style={`background:${cssHex(c.hex)}`} aria-hidden="true"></span>
            {c.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Sidebar({ frame }: { frame: Frame }) {
  const s = frame.settings;
  return (
    <aside class="sidebar">
      <section aria-labelledby="docs-title" class="box">
        <h2 id="docs-title">Văn bản mới</h2>
        <ul class="doc-list">
          {(frame.directives.items ?? []).map((d) => (
            <li>
              <a href={directiveHref(d.number ?? "")}>{d.number}</a>
              <span class="muted"> — {d.abstract}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="links-title" class="box">
        <h2 id="links-title">{s.linksTitle ?? "Liên kết website"}</h2>
        <ul class="links">
          {(s.links ?? []).map((l) => (
            <li><a href={l.url} rel="noopener">{l.title}</a></li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="counter-title" class="box counter" data-counter>
        <h2 id="counter-title">Số lượt truy cập</h2>
        <dl>
          <dt>Trong ngày:</dt>
          <dd data-hits-today>{number(frame.hits.today)}</dd>
          <dt>Tất cả:</dt>
          <dd data-hits-total>{number(frame.hits.total)}</dd>
        </dl>
      </section>
    </aside>
  );
}

function Footer({ settings: s }: { settings: Settings }) {
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p class="footer-name">{s.siteName}</p>
        <p>Cơ quan chủ quản: {s.governingAgency}</p>
        <p>
          Chịu trách nhiệm: {s.responsiblePerson}
          {s.standingAgency ? ` - Cơ quan thường trực: ${s.standingAgency}` : ""}
        </p>
        <p>Địa chỉ: {s.address}</p>
        <p>
          Điện thoại: {s.phone}
          {s.fax ? `; Fax: ${s.fax}` : ""}; Email: <a href={`mailto:${s.email}`}>{s.email}</a>
        </p>
        {s.republishNotice ? <p class="notice">® {s.republishNotice}</p> : null}
      </div>
    </footer>
  );
}

/** Where a directive's page is: /van-ban/ and its number, each "/"-separated part escaped (211/KH-HU → /van-ban/211/KH-HU). */
export function directiveHref(number: string): string {
  return "/van-ban/" + number.split("/").map(encodeURIComponent).join("/");
}

export function Layout({ frame, title, children }: { frame: Frame; title: string; children: Child }) {
  const s = frame.settings;
  const theme = currentTheme(s, frame.themeKey);
  const banners = s.banners ?? [];
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title === s.siteName ? title : `${title} | ${s.siteName}`}</title>
          <meta name="description" content={`${s.siteName} — ${s.governingAgency}`} />
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/assets/site.css" />
          <script src="/assets/site.js" defer></script>
        </head>
        <body style={themeStyle(cssHex(theme?.hex))} data-api={frame.apiBase} data-path={frame.path}
          data-article-id={frame.articleId} data-directive-id={frame.directiveId}>
          <a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>
          <header class="site-header">
            <div class="topbar">
              <div class="wrap topbar-inner">
                <p class="date-line" data-date-line>{dateLine(frame.now)}</p>
                <ThemeSwitch frame={frame} />
              </div>
            </div>
            <div class="brand">
              <div class="wrap brand-inner">
                <Emblem />
                <div>
                  <p class="agency">{s.governingAgency}</p>
                  <p class="site-name"><a href="/">{s.siteName}</a></p>
                </div>
              </div>
            </div>
            <nav class="mainnav" aria-label="Chuyên mục">
              <ul class="wrap">
                <li><a href="/">Trang chủ</a></li>
                <li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>
                <li><a href="/van-ban">Văn bản</a></li>
              </ul>
              <form class="wrap search" action="/tin-tuc" method="get" role="search">
                <label for="q">Tìm kiếm tin bài</label>
                <input id="q" name="q" type="search" value={frame.q ?? ""} />
                <button type="submit">Tìm</button>
              </form>
            </nav>
          </header>
          {banners.length > 0 ? (
            <div class="banners wrap">
              {banners.map((b) => (
                <p class="banner" data-banner>
                  {b.linkUrl ? <a href={b.linkUrl}>{b.title}</a> : b.title}
                </p>
              ))}
            </div>
          ) : null}
          <div class="wrap columns">
            <main id="main">{children}</main>
            <Sidebar frame={frame} />
          </div>
          <Footer settings={s} />
        </body>
      </html>
    </>
  );
}
