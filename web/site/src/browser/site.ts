/**
 * The page's only script (bundled by esbuild at start-up): the page works without it. It
 *  1. reports this page view to the API from the browser, cross-origin, as a portal frontend does
 *     (POST {api}/api/v1/hits with the path and the article or directive shown), identifying the reader by a random
 *     id kept in a first-party cookie and sent as X-Visitor-Id, then refreshes the counter from GET /hits so the
 *     numbers shown include this view;
 *  2. switches the theme colour at once when a colour is clicked (and keeps it in the cookie the server reads).
 */
import { createPortalClient } from "@portal/client";
import { THEME_COOKIE, themeVars } from "../theme.js";

const VISITOR_COOKIE = "portal_site_vid";
const YEAR = 365 * 24 * 3600;

function cookie(name: string): string | undefined {
  const found = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : undefined;
}

function setCookie(name: string, value: string) {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${YEAR}; samesite=lax`;
}

/** The reader's opaque visitor id (a random UUID; never anything about the person), made on the first page view. */
function visitorId(): string {
  const existing = cookie(VISITOR_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const id = crypto.randomUUID();
  setCookie(VISITOR_COOKIE, id);
  return id;
}

async function reportView(body: HTMLElement) {
  const api = body.dataset.api;
  if (!api) return;
  const counter = document.querySelector<HTMLElement>("[data-counter]");
  const client = createPortalClient({ baseUrl: api });
  const { articleId, directiveId } = body.dataset;
  const posted = await client.POST("/api/v1/hits", {
    body: { path: body.dataset.path ?? location.pathname, ...(articleId ? { articleId } : {}), ...(directiveId ? { directiveId } : {}) },
    headers: { "X-Visitor-Id": visitorId() },
  });
  if (!posted.response.ok) {
    counter?.setAttribute("data-state", "not-counted");
    return;
  }
  // no-cache: revalidate (ETag), never reuse what the browser kept from an earlier page.
  const { data } = await client.GET("/api/v1/hits", { cache: "no-cache" });
  if (!data || !counter) return;
  const format = (n: number | undefined) => (n ?? 0).toLocaleString("vi-VN");
  const today = counter.querySelector("[data-hits-today]");
  const total = counter.querySelector("[data-hits-total]");
  if (today) today.textContent = format(data.today);
  if (total) total.textContent = format(data.total);
  counter.setAttribute("data-state", "counted");
}

function themeSwitch(body: HTMLElement) {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-theme-key]")) {
    link.addEventListener("click", (event) => {
      const { themeKey, themeHex } = link.dataset;
      if (!themeKey || !themeHex) return;
      event.preventDefault();
      for (const [name, value] of Object.entries(themeVars(themeHex))) body.style.setProperty(name, value);
      setCookie(THEME_COOKIE, themeKey);
      for (const other of document.querySelectorAll("a[data-theme-key]")) other.removeAttribute("aria-current");
      link.setAttribute("aria-current", "true");
    });
  }
}

const body = document.body;
themeSwitch(body);
reportView(body).catch(() => document.querySelector("[data-counter]")?.setAttribute("data-state", "not-counted"));
