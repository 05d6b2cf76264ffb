import { expect, test } from "@playwright/test";
import { callApi, expectAccessible, newKey, screenshot, signIn, startArticle, tinyPng, unique, vietnamLocal } from "./helpers";

test("an editor key sees no admin screens", async ({ page }) => {
  await signIn(page, await newKey("editor", `editor ${unique()}`));
  const nav = page.getByRole("navigation", { name: "Menu chính" });
  await expect(nav.getByRole("link", { name: "Tin bài" })).toBeVisible();
  for (const name of ["Cấu hình", "Nguồn tin", "Webhook", "Khoá truy cập"]) {
    await expect(nav.getByRole("link", { name })).toHaveCount(0);
  }
  await page.goto("/admin/keys");
  await expect(page.getByRole("alert")).toContainText("chỉ dành cho quản trị viên");
  await expect(page.getByRole("heading", { name: "Khoá truy cập" })).toHaveCount(0);
  // The key lives in session storage only.
  expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);
  expect(page.url()).not.toContain("ptl_");
});

test("an editor writes an article with an uploaded image and schedules it; it appears on the public API when due", async ({ page }) => {
  await signIn(page, await newKey("editor", `editor ${unique()}`));
  await page.getByRole("link", { name: "Tin bài" }).click();
  await screenshot(page, "articles");
  const title = `Đồng Nai triển khai kế hoạch ${unique()}`;
  await startArticle(page, { title, summary: "Tóm tắt bài viết thử.", body: "Nội dung chính của bài." });
  await page.getByLabel("Tải ảnh lên").setInputFiles({ name: "anh-bia.png", mimeType: "image/png", buffer: tinyPng });
  await expect(page.locator("img.cover-preview")).toBeVisible();
  await page.getByLabel("Chú thích ảnh").fill("Quang cảnh hội nghị");

  // Alt text is required: the save is refused at the field, and what was typed stays.
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.locator('[data-path="coverImage.altText"] .error')).toBeVisible();
  await expect(page.getByLabel("Tiêu đề", { exact: true })).toHaveValue(title);
  await page.getByLabel("Mô tả ảnh (alt, bắt buộc)").fill("Đại biểu dự hội nghị");
  // A double click saves once.
  await page.getByRole("button", { name: "Lưu", exact: true }).dblclick();
  await expect(page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const drafts = await callApi("GET", `/articles?status=draft&q=${encodeURIComponent(title)}`);
  expect(drafts.json.items.filter((a: { title: string }) => a.title === title)).toHaveLength(1);
  await expect(page.getByLabel("Đường dẫn (slug)")).not.toHaveValue("");

  // Schedule a few seconds ahead (the server's clock is this machine's), in Vietnam time.
  const due = new Date(Date.now() + 6_000);
  await page.getByLabel("Hẹn giờ (giờ Việt Nam)").fill(vietnamLocal(due));
  await page.getByRole("button", { name: "Lên lịch" }).click();
  await expect(page.getByTestId("article-status")).toHaveText("Đã lên lịch");
  await screenshot(page, "article-editor");
  expect((await callApi("GET", `/articles/${id}`, undefined, null)).status).toBe(404);

  // Poll the public API (anonymous) until it is there: bounded, no sleep.
  await expect
    .poll(async () => (await callApi("GET", `/articles/${id}`, undefined, null)).status, { timeout: 30_000, intervals: [500] })
    .toBe(200);
  const published = await callApi("GET", `/articles/${id}`, undefined, null);
  expect(published.json.coverImage.altText).toBe("Đại biểu dự hội nghị");
  expect(published.json.bodyHtml).toContain("Nội dung chính của bài.");
});

test("an editor publishes a directive whose number the form first flags", async ({ page }) => {
  await signIn(page, await newKey("editor", `editor ${unique()}`));
  await page.getByRole("link", { name: "Văn bản" }).click();
  await page.getByRole("link", { name: "Thêm văn bản" }).click();
  const n = 100 + Math.floor(Math.random() * 800000);
  await page.getByLabel("Số ký hiệu").fill(`${n}/KH-HU`);
  const check = page.getByTestId("number-check");
  await expect(check).toContainText(`${n}-KH/HU`);
  await expect(check.locator(".warning")).toBeVisible();
  await screenshot(page, "directive-number-flagged");
  await page.getByLabel("Số ký hiệu").fill(`${n}-KH/HU`);
  await expect(check).toContainText("party");
  await expect(check.locator(".warning")).toHaveCount(0);
  await page.getByLabel("Loại văn bản").selectOption("KH");
  await page.getByLabel("Cơ quan ban hành (danh mục)").selectOption({ label: "Ban Thường vụ Huyện ủy Vĩnh Cửu" });
  await page.getByLabel("Ngày ban hành").fill("2024-06-10");
  await page.getByLabel("Trích yếu").fill("Kế hoạch triển khai thử nghiệm");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/directives\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  await page.getByRole("button", { name: "Xuất bản", exact: true }).click();
  await expect(page.getByTestId("directive-status")).toHaveText("Đã xuất bản");
  await screenshot(page, "directive-editor");
  const pub = await callApi("GET", `/directives/${id}`, undefined, null);
  expect(pub.status).toBe(200);
  expect(pub.json.numberCanonical).toBe(`${n}-KH/HU`);
});

test("an admin resolves a settings 412 conflict field by field", async ({ page }) => {
  await signIn(page, await newKey("admin", `admin ${unique()}`));
  await page.getByRole("link", { name: "Cấu hình" }).click();
  const phone = `(0251) 38${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;
  await page.getByLabel("Điện thoại").fill(phone);

  // Meanwhile someone else changes the address through the API.
  const current = await callApi("GET", "/settings");
  const address = `Số ${unique()}, đường Đồng Khởi, Biên Hòa`;
  const theirs = await callApi("PATCH", "/settings", { address }, undefined, { "If-Match": current.etag!, "Content-Type": "application/merge-patch+json" });
  expect(theirs.status).toBe(200);

  await page.getByRole("button", { name: "Lưu cấu hình" }).click();
  const conflict = page.getByRole("alertdialog");
  await expect(conflict).toBeVisible();
  await screenshot(page, "settings-conflict");
  await conflict.getByRole("group", { name: "Địa chỉ" }).getByLabel("Bản vừa được lưu").check();
  await conflict.getByRole("button", { name: "Áp dụng lựa chọn" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu cấu hình" })).toBeVisible();
  const saved = await callApi("GET", "/settings");
  expect(saved.json.phone).toBe(phone);
  expect(saved.json.address).toBe(address);
  await expect(page.getByLabel("Địa chỉ", { exact: true })).toHaveValue(address);
});

test("every screen passes axe-core (no serious or critical violation) and is captured", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, await newKey("admin", `admin ${unique()}`));
  const screens: [string, string][] = [
    ["/admin/", "dashboard"],
    ["/admin/articles", "articles"],
    ["/admin/articles/new", "article-new"],
    ["/admin/directives", "directives"],
    ["/admin/directives/new", "directive-new"],
    ["/admin/categories", "categories"],
    ["/admin/settings", "settings"],
    ["/admin/feeds", "feeds"],
    ["/admin/webhooks", "webhooks"],
    ["/admin/keys", "keys"],
  ];
  for (const [url, name] of screens) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await screenshot(page, name);
  }
  // A new key's secret is shown once, with a copy button.
  await page.getByLabel("Tên (người hoặc phòng dùng khoá)").fill(`Phòng VH-TT ${unique()}`);
  await page.getByRole("button", { name: "Tạo khoá" }).click();
  await expect(page.getByTestId("new-secret")).toContainText("ptl_");
  await expect(page.getByRole("button", { name: "Sao chép" })).toBeVisible();
  await screenshot(page, "keys-created");
  // The sign-in page too, and at tablet width.
  await page.setViewportSize({ width: 820, height: 1100 });
  await page.goto("/admin/articles/new");
  await expectAccessible(page);
  await screenshot(page, "tablet-article-new");
  await page.evaluate(() => sessionStorage.clear());
  await page.goto("/admin/");
  await expectAccessible(page);
  await screenshot(page, "sign-in");
});
