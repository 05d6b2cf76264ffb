import { expect, test } from "@playwright/test";
import { callApi, newKey, signIn } from "./helpers";

/**
 * An article's ETag covers its whole representation, view counts included, so a reader's page view between the
 * editor's read and save makes the save's If-Match stale. Nothing the editor can change moved: the app sends the
 * save again against the new ETag instead of showing a conflict.
 */
test("a page view counted while an editor edits does not turn the save into a conflict", async ({ page }) => {
  const key = await newKey("editor", "Biên tập viên lượt xem");
  const title = `Bài có người đọc ${Date.now().toString(36)}`;
  const created = await callApi("POST", "/articles", { title, summary: "Tóm tắt cũ.", bodyHtml: "<p>Nội dung.</p>" }, key);
  expect(created.status).toBe(201);
  const id = created.json.id as string;
  expect((await callApi("POST", `/articles/${id}/publish`, undefined, key)).status).toBe(200);

  await signIn(page, key);
  await page.goto(`/admin/articles/${id}`);
  await expect(page.getByLabel("Tiêu đề", { exact: true })).toHaveValue(title);
  const before = await callApi("GET", `/articles/${id}`, undefined, key);

  // A reader's page view (a browser's User-Agent, so it is counted), seen at once by an editor's read.
  const hit = await callApi("POST", "/hits", { path: `/tin-tuc/${created.json.slug}`, articleId: id }, null, {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
    "X-Visitor-Id": `reader-${Date.now().toString(36)}`,
  });
  expect(hit.status).toBe(202);
  const after = await callApi("GET", `/articles/${id}`, undefined, key);
  expect(after.json.viewCount).toBe(before.json.viewCount + 1);
  expect(after.etag).not.toBe(before.etag);

  await page.getByLabel("Sa-pô").fill("Tóm tắt mới.");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByText("Đã lưu.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Xung đột/ })).toHaveCount(0);
  expect((await callApi("GET", `/articles/${id}`, undefined, key)).json.summary).toBe("Tóm tắt mới.");
});
