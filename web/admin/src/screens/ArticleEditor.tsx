import { useEffect, useState } from "react";
import { api, showInstant, statusLabels, utcToVietnamLocal, vietnamLocalToUtc, type Schema } from "../api";
import { SaveForm, useConditionalSave } from "../conditionalSave";
import { Field, ProblemError, must, useSubmit, type ConflictField } from "../forms";
import { RichText } from "../RichText";
import { uploadMedia } from "../media";
import { navigate } from "../router";
import { loadArticle, saveArticle } from "../writes";
import { DirectivePicker } from "./DirectivePicker";

type Article = Schema<"ArticleResponse">;
type DirectiveRef = Schema<"DirectiveRef">;

/** What the editor edits: the article command, with the pieces the form shows in friendlier shapes. */
interface ArticleForm {
  title: string;
  slug: string;
  summary: string;
  author: string;
  categoryId: string;
  tags: string;
  bodyHtml: string;
  cover: { mediaId: string; fileName: string; url: string; caption: string; altText: string };
  directives: DirectiveRef[];
}

const emptyForm: ArticleForm = {
  title: "",
  slug: "",
  summary: "",
  author: "",
  categoryId: "",
  tags: "",
  bodyHtml: "",
  cover: { mediaId: "", fileName: "", url: "", caption: "", altText: "" },
  directives: [],
};

function toForm(a: Article): ArticleForm {
  return {
    title: a.title ?? "",
    slug: a.slug ?? "",
    summary: a.summary ?? "",
    author: a.author ?? "",
    categoryId: a.category?.id ?? "",
    tags: (a.tags ?? []).join(", "),
    bodyHtml: a.bodyHtml ?? "",
    cover: {
      mediaId: a.coverImage?.mediaId ?? "",
      fileName: a.coverImage?.fileName ?? "",
      url: a.coverImage?.url ?? "",
      caption: a.coverImage?.caption ?? "",
      altText: a.coverImage?.altText ?? "",
    },
    directives: a.directives ?? [],
  };
}

function toCommand(f: ArticleForm): Schema<"ArticleCommand"> {
  const blank = (s: string) => (s.trim() === "" ? null : s);
  return {
    title: f.title,
    slug: blank(f.slug),
    summary: blank(f.summary),
    author: blank(f.author),
    bodyHtml: f.bodyHtml,
    categoryId: blank(f.categoryId),
    tags: f.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    coverImage: f.cover.mediaId
      ? { mediaId: f.cover.mediaId, fileName: blank(f.cover.fileName), caption: blank(f.cover.caption), altText: blank(f.cover.altText) }
      : undefined,
    directiveIds: f.directives.map((d) => d.id!),
  };
}

const conflictFields: ConflictField<ArticleForm>[] = [
  { key: "title", label: "Tiêu đề" },
  { key: "slug", label: "Đường dẫn (slug)" },
  { key: "summary", label: "Sa-pô" },
  { key: "author", label: "Bút danh" },
  { key: "categoryId", label: "Chuyên mục" },
  { key: "tags", label: "Thẻ" },
  { key: "bodyHtml", label: "Nội dung" },
  { key: "cover", label: "Ảnh đại diện", show: (v) => JSON.stringify(v) },
  { key: "directives", label: "Văn bản liên quan", show: (v) => (v as DirectiveRef[]).map((d) => d.number).join(", ") },
];

/** Writes one article: fields, cover image, related directives, save with If-Match (conflict view on 412), lifecycle. */
export function ArticleEditor({ id }: { id: string | undefined }) {
  const [categories, setCategories] = useState<Schema<"CategoryResponse">[]>([]);
  const [scheduleAt, setScheduleAt] = useState("");
  const [notice, setNotice] = useState("");
  const { busy, errors, run } = useSubmit();
  const saving = useConditionalSave({
    run,
    empty: emptyForm,
    read: id ? () => loadArticle(id) : undefined,
    write: (values: ArticleForm, etag) => {
      if (values.cover.mediaId && !values.cover.altText.trim()) {
        const altText = ["Nhập mô tả ảnh cho người không xem được ảnh."];
        throw new ProblemError({ message: "Ảnh đại diện cần mô tả (alt).", fields: { "coverImage.altText": altText } }, 400);
      }
      return saveArticle(id, toCommand(values), etag);
    },
    toForm,
    conflictFields,
    onSaved: () => setNotice("Đã lưu."),
    onCreated: (created) => navigate(`/articles/${created.id}`),
  });
  const { form, setForm, item: article, refresh } = saving;

  useEffect(() => {
    void api.GET("/api/v1/categories").then(({ data }) => setCategories(data ?? []));
  }, []);

  const set = <K extends keyof ArticleForm>(key: K, value: ArticleForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setCover = (patch: Partial<ArticleForm["cover"]>) => setForm((f) => ({ ...f, cover: { ...f.cover, ...patch } }));

  const lifecycle = (action: "publish" | "unpublish" | "archive", publishAt?: string) =>
    run(async () => {
      if (!id) return;
      const path = { params: { path: { id } } };
      if (action === "publish") {
        must(await api.POST("/api/v1/articles/{id}/publish", { ...path, body: publishAt ? { publishAt } : {} }));
      } else if (action === "unpublish") {
        must(await api.POST("/api/v1/articles/{id}/unpublish", path));
      } else {
        must(await api.POST("/api/v1/articles/{id}/archive", path));
      }
      const fresh = await refresh();
      if (fresh) setNotice(`Trạng thái: ${statusLabels[fresh.item.status!]}.`);
    });

  const remove = () => {
    if (!id || !window.confirm(`Xoá bài "${form.title}"? Không thể hoàn tác.`)) return;
    void run(async () => {
      must(await api.DELETE("/api/v1/articles/{id}", { params: { path: { id } } }));
      navigate("/articles");
    });
  };

  const shown = ["title", "slug", "summary", "author", "categoryId", "tags", "bodyHtml", "file", "coverImage.mediaId", "coverImage.caption", "coverImage.altText", "coverImage.fileName", "directiveIds"];
  return (
    <section>
      <h1>{id ? "Sửa bài" : "Bài mới"}</h1>
      {article && (
        <p className="meta">
          <span className={`status ${article.status}`} data-testid="article-status">
            {statusLabels[article.status!]}
          </span>{" "}
          {article.publishedAt && <>· xuất bản {showInstant(article.publishedAt)} (giờ Việt Nam)</>}
        </p>
      )}
      <SaveForm saving={saving} errors={errors} shown={shown} notice={notice} busy={busy} sticky className="editor" noValidate>
        <div className="columns">
          <div className="main-column">
            <Field label="Tiêu đề" path="title" errors={errors}>
              {(p) => <input {...p} required value={form.title} onChange={(e) => set("title", e.target.value)} />}
            </Field>
            <Field label="Đường dẫn (slug)" path="slug" errors={errors} hint="Để trống để tạo từ tiêu đề. Đổi slug thì slug cũ vẫn chuyển hướng.">
              {(p) => <input {...p} value={form.slug} onChange={(e) => set("slug", e.target.value)} />}
            </Field>
            <Field label="Sa-pô" path="summary" errors={errors}>
              {(p) => <textarea {...p} rows={3} value={form.summary} onChange={(e) => set("summary", e.target.value)} />}
            </Field>
            <Field label="Nội dung" path="bodyHtml" errors={errors}>
              {(p) => (
                <RichText
                  id={p.id}
                  label="Nội dung"
                  value={form.bodyHtml}
                  onChange={(html) => set("bodyHtml", html)}
                  uploadImage={async (file) => (await uploadMedia(file)).url!}
                />
              )}
            </Field>
          </div>
          <div className="side-column">
            <Field label="Bút danh" path="author" errors={errors}>
              {(p) => <input {...p} value={form.author} onChange={(e) => set("author", e.target.value)} />}
            </Field>
            <Field label="Chuyên mục" path="categoryId" errors={errors}>
              {(p) => (
                <select {...p} value={form.categoryId} onChange={(e) => set("categoryId", e.target.value)}>
                  <option value="">(không)</option>
                  {categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Thẻ" path="tags" errors={errors} hint="Cách nhau bằng dấu phẩy.">
              {(p) => <input {...p} value={form.tags} onChange={(e) => set("tags", e.target.value)} />}
            </Field>
            <fieldset>
              <legend>Ảnh đại diện</legend>
              {form.cover.url && <img className="cover-preview" src={form.cover.url} alt={form.cover.altText} />}
              <Field label="Tải ảnh lên" path="file" errors={errors} hint="JPEG, PNG, WebP hoặc GIF.">
                {(p) => (
                  <input
                    {...p}
                    type="file"
                    accept="image/jpeg,image/png,image/webp,image/gif"
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      if (!file) return;
                      void run(async () => {
                        const media = await uploadMedia(file);
                        setCover({ mediaId: media.id!, fileName: media.fileName ?? file.name, url: media.url! });
                      });
                    }}
                  />
                )}
              </Field>
              <Field label="Chú thích ảnh" path="coverImage.caption" errors={errors}>
                {(p) => <input {...p} value={form.cover.caption} onChange={(e) => setCover({ caption: e.target.value })} />}
              </Field>
              <Field label="Mô tả ảnh (alt, bắt buộc)" path="coverImage.altText" errors={errors}>
                {(p) => (
                  <input {...p} required={!!form.cover.mediaId} value={form.cover.altText} onChange={(e) => setCover({ altText: e.target.value })} />
                )}
              </Field>
              {form.cover.mediaId && (
                <button type="button" onClick={() => setCover({ mediaId: "", fileName: "", url: "", caption: "", altText: "" })}>
                  Bỏ ảnh
                </button>
              )}
            </fieldset>
            <DirectivePicker errors={errors} chosen={form.directives} onChange={(d) => set("directives", d)} />
          </div>
        </div>
      </SaveForm>
      {id && article && (
        <section className="lifecycle" aria-labelledby="lifecycle-title">
          <h2 id="lifecycle-title">Xuất bản</h2>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void lifecycle("publish")}>
              Xuất bản ngay
            </button>
            <label>
              Hẹn giờ (giờ Việt Nam){" "}
              <input
                type="datetime-local"
                value={scheduleAt || (article.status === "scheduled" && article.publishedAt ? utcToVietnamLocal(article.publishedAt) : "")}
                onChange={(e) => setScheduleAt(e.target.value)}
                step={1}
              />
            </label>
            <button type="button" disabled={busy || !scheduleAt} onClick={() => void lifecycle("publish", vietnamLocalToUtc(scheduleAt))}>
              Lên lịch
            </button>
            <button type="button" disabled={busy} onClick={() => void lifecycle("unpublish")}>
              Gỡ xuất bản
            </button>
            <button type="button" disabled={busy} onClick={() => void lifecycle("archive")}>
              Lưu trữ
            </button>
            <button type="button" className="danger" disabled={busy} onClick={remove}>
              Xoá
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
