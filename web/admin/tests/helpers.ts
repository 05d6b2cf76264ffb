import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The bootstrap admin key scripts/serve-test-api.sh stores. */
export const adminKey = process.env.PORTAL_TEST_ADMIN_KEY ?? "ptl_browser_tests_bootstrap_admin_key_0001";
const api = `http://127.0.0.1:${process.env.ADMIN_E2E_PORT ?? 5292}/api/v1`;
const shots = path.join(process.env.ADMIN_E2E_RESULTS ?? path.join(here, "..", "test-results"), "admin-screenshots");

/** A call to the API as a test's own setup (JSON in, JSON out), with the admin key unless another is given. */
export async function callApi(method: string, url: string, body?: unknown, key: string | null = adminKey, headers: Record<string, string> = {}) {
  const response = await fetch(api + url, {
    method,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get("ETag"), json: text ? JSON.parse(text) : undefined };
}

/** A fresh key of a role, made through the API. */
export async function newKey(role: "editor" | "admin", name: string): Promise<string> {
  const { status, json } = await callApi("POST", "/api-keys", { name, role });
  expect(status).toBe(201);
  return json.secret as string;
}

export async function signIn(page: Page, key: string) {
  await page.goto("/admin/");
  await page.getByLabel("Khoá truy cập (API key)").fill(key);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("navigation", { name: "Menu chính" })).toBeVisible();
}

/**
 * From the article list: "Viết bài mới", then a title, a summary and the body typed into the rich-text editor.
 * Returns the body's editor (a textbox).
 */
export async function startArticle(page: Page, text: { title: string; summary: string; body: string }) {
  await page.getByRole("link", { name: "Viết bài mới" }).click();
  await page.getByLabel("Tiêu đề", { exact: true }).fill(text.title);
  await page.getByLabel("Sa-pô").fill(text.summary);
  const body = page.getByRole("textbox", { name: "Nội dung" });
  await body.click();
  await body.pressSequentially(text.body);
  return body;
}

/** A full-page screenshot under the results folder. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** An 8×8 PNG, enough for the server's image check (decoded in full). */
export const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGOQCirDihiGlgQA/QM4gTfwN8QAAAAASUVORK5CYII=",
  "base64",
);

/** "YYYY-MM-DDTHH:mm:ss" in Vietnam time (UTC+7), for a datetime-local input. */
export const vietnamLocal = (date: Date) => new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 19);

export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
