/**
 * The site's own formatting rules, without a browser: the date line's day in Asia/Ho_Chi_Minh, the text colour on each
 * theme colour (WCAG contrast), the API's relative URLs in sanitised HTML, and directive addresses.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarDate, dateLine, dateTime } from "../src/dates.js";
import { AA, contrast, cssHex, foregroundOn, themeColours } from "../src/theme.js";
import { absolutiseHtml } from "../src/views/pages.js";
import { directiveHref } from "../src/views/layout.js";

test("the date line names the day in Asia/Ho_Chi_Minh, which turns at 17:00 UTC", () => {
  assert.equal(dateLine(new Date("2016-02-26T03:00:00Z")), "Thứ 6 - 26/02/2016");
  assert.equal(dateLine(new Date("2016-02-27T16:59:59Z")), "Thứ 7 - 27/02/2016");
  assert.equal(dateLine(new Date("2016-02-27T17:00:00Z")), "Chủ nhật - 28/02/2016");
  assert.equal(dateLine(new Date("2016-02-28T17:00:00Z")), "Thứ 2 - 29/02/2016");
});

test("API instants are shown in Asia/Ho_Chi_Minh, calendar dates as they are", () => {
  assert.equal(dateTime("2024-06-04T01:00:00Z"), "04/06/2024 08:00");
  assert.equal(dateTime("2024-06-03T17:30:00Z"), "04/06/2024 00:30");
  assert.equal(dateTime(null), "");
  assert.equal(calendarDate("2023-12-25"), "25/12/2023");
});

test("text on every theme colour reaches WCAG AA contrast, darkening the colour only when it must", () => {
  for (const hex of ["#C8102E", "#0B5CAD", "#F2B705", "#1E8E3E", "#808080", "#00FF00", "#777777", "#FFFFFF", "#000000"]) {
    const c = themeColours(hex);
    assert.ok(contrast(c.background, c.foreground) >= AA, `${hex}: ${c.foreground} on ${c.background}`);
    assert.equal(c.accent, hex);
  }
  // Red, blue and yellow are kept as chosen; the seeded green (#1E8E3E) reaches only 4.2:1 with either text colour.
  assert.deepEqual(themeColours("#C8102E"), { background: "#C8102E", foreground: "#ffffff", accent: "#C8102E" });
  assert.deepEqual(themeColours("#F2B705"), { background: "#F2B705", foreground: "#1a1a1a", accent: "#F2B705" });
  assert.ok(contrast("#1E8E3E", foregroundOn("#1E8E3E")) < AA);
  assert.notEqual(themeColours("#1E8E3E").background, "#1E8E3E");
});

test("only a #RRGGBB colour reaches the page's CSS", () => {
  assert.equal(cssHex("#0b5cad"), "#0b5cad");
  for (const bad of ["red", "#fff", "#0B5CAD;background:url(x)", "", undefined]) assert.equal(cssHex(bad), "#C8102E");
});

test("the API's relative media and download URLs point at the API's origin; others are left alone", () => {
  const html = '<img src="/api/v1/media/1"><a href="/api/v1/directives/2/attachments/3">f</a><a href="//cdn.example/x">c</a><a href="https://a.vn/">a</a>';
  assert.equal(absolutiseHtml(html, "http://127.0.0.1:5080/"),
    '<img src="http://127.0.0.1:5080/api/v1/media/1"><a href="http://127.0.0.1:5080/api/v1/directives/2/attachments/3">f</a><a href="//cdn.example/x">c</a><a href="https://a.vn/">a</a>');
});

test("an image without a file (the seeded figure keeps only its alt) shows its description, not a broken image", () => {
  assert.equal(absolutiseHtml('<figure><img alt="Quang cảnh hội nghị"><figcaption>Hội nghị</figcaption></figure>', "http://h"),
    '<figure><span class="image-missing">Quang cảnh hội nghị</span><figcaption>Hội nghị</figcaption></figure>');
  assert.equal(absolutiseHtml('<img alt="a" src="/api/v1/media/1">', "http://h"), '<img alt="a" src="http://h/api/v1/media/1">');
});

test("a directive's address keeps the slashes of its number and escapes the rest", () => {
  assert.equal(directiveHref("211/KH-HU"), "/van-ban/211/KH-HU");
  assert.equal(directiveHref("28-CT/TW"), "/van-ban/28-CT/TW");
  assert.equal(directiveHref("12/2024/QĐ-UBND"), "/van-ban/12/2024/Q%C4%90-UBND");
});
