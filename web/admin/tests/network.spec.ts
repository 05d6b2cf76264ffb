import { expect, test, type Page, type Route } from "@playwright/test";
import { callApi, newKey, signIn, startArticle, unique } from "./helpers";

/**
 * The network-failure path, with Playwright cutting the connection (page.route → abort) for chosen requests:
 * reads are retried while the app says so; a POST is never repeated by the app (it could be saved twice), and the
 * form keeps what was typed until the editor saves again.
 */

/** Routes the requests of one method to one API path through `handle`; every other request goes through untouched. */
async function intercept(page: Page, method: string, pathname: string, handle: (route: Route) => Promise<void>) {
  await page.route(
    (url) => url.pathname === pathname,
    (route) => (route.request().method() === method ? handle(route) : route.fallback()),
  );
}

const drafts = async (title: string) => {
  const { json } = await callApi("GET", `/articles?status=draft&q=${encodeURIComponent(title)}`);
  return (json.items as { title: string }[]).filter((a) => a.title === title);
};

test("a read cut off by the network is reported in Vietnamese, retried, and its data then shown", async ({ page }) => {
  const title = `Bài đọc khi mất mạng ${unique()}`;
  const created = await callApi("POST", "/articles", { title, bodyHtml: "<p>Nội dung thử.</p>" });
  expect(created.status).toBe(201);
  await signIn(page, await newKey("editor", `editor ${unique()}`));

  let reads = 0;
  await intercept(page, "GET", `/api/v1/articles/${created.json.id}`, async (route) => {
    reads++;
    await (reads <= 2 ? route.abort("internetdisconnected") : route.fallback());
  });
  await page.goto(`/admin/articles/${created.json.id}`);

  const banner = page.getByRole("status").filter({ hasText: "Mất kết nối tới máy chủ — đang thử lại…" });
  await expect(banner).toBeVisible();
  await expect(page.getByLabel("Tiêu đề", { exact: true })).toHaveValue(title);
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(reads).toBe(3);
});

test("a save cut off by the network is not sent again by the app, and the form keeps what was typed", async ({ page }) => {
  await signIn(page, await newKey("editor", `editor ${unique()}`));
  await page.getByRole("link", { name: "Tin bài" }).click();
  const title = `Bài lưu khi mất mạng ${unique()}`;
  const body = await startArticle(page, { title, summary: "Sa-pô gõ trước khi mất mạng.", body: "Nội dung gõ trước khi mất mạng." });

  let posts = 0;
  let connected = false;
  await intercept(page, "POST", "/api/v1/articles", async (route) => {
    posts++;
    await (connected ? route.fallback() : route.abort("internetdisconnected"));
  });
  await page.getByRole("button", { name: "Lưu", exact: true }).click();

  // The app gives up at once and says so: one request only, nothing stored, everything typed still there.
  await expect(page.getByRole("alert")).toContainText("Không kết nối được máy chủ. Nội dung bạn nhập vẫn được giữ");
  expect(posts).toBe(1);
  expect(await drafts(title)).toHaveLength(0);
  await expect(page).toHaveURL(/\/admin\/articles\/new$/);
  await expect(page.getByLabel("Tiêu đề", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Sa-pô")).toHaveValue("Sa-pô gõ trước khi mất mạng.");
  await expect(body).toContainText("Nội dung gõ trước khi mất mạng.");

  // The editor saves again once the network is back: stored once.
  connected = true;
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
  expect(posts).toBe(2);
  expect(await drafts(title)).toHaveLength(1);
});
