import { useCallback, useEffect, useState } from "react";
import { api, type Schema } from "../api";
import { ErrorSummary, Field, must, useSubmit } from "../forms";

type Category = Schema<"CategoryResponse">;

/** Categories: list, add, rename (slug too), delete. */
export function Categories() {
  const [items, setItems] = useState<Category[]>([]);
  const [editing, setEditing] = useState<Category | undefined>();
  const [form, setForm] = useState({ name: "", slug: "", description: "" });
  const { busy, errors, run } = useSubmit();
  const load = useCallback(async () => setItems((await api.GET("/api/v1/categories")).data ?? []), []);
  useEffect(() => void load(), [load]);
  const blank = (s: string) => (s.trim() ? s : null);
  const submit = () =>
    run(async () => {
      const body = { name: form.name, slug: blank(form.slug), description: blank(form.description) };
      if (editing) must(await api.PUT("/api/v1/categories/{id}", { params: { path: { id: editing.id! } }, body }));
      else must(await api.POST("/api/v1/categories", { body }));
      setEditing(undefined);
      setForm({ name: "", slug: "", description: "" });
      await load();
    });
  const remove = (c: Category) => {
    if (!window.confirm(`Xoá chuyên mục "${c.name}"?`)) return;
    void run(async () => {
      must(await api.DELETE("/api/v1/categories/{id}", { params: { path: { id: c.id! } } }));
      await load();
    });
  };
  return (
    <section>
      <h1>Chuyên mục</h1>
      <table className="list">
        <caption className="visually-hidden">Danh sách chuyên mục</caption>
        <thead>
          <tr><th scope="col">Tên</th><th scope="col">Slug</th><th scope="col">Thao tác</th></tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td><code>{c.slug}</code></td>
              <td>
                <button type="button" onClick={() => { setEditing(c); setForm({ name: c.name ?? "", slug: c.slug ?? "", description: c.description ?? "" }); }}>Sửa</button>{" "}
                <button type="button" className="danger" onClick={() => remove(c)}>Xoá</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{editing ? `Sửa "${editing.name}"` : "Thêm chuyên mục"}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <ErrorSummary errors={errors} shown={["name", "slug", "description"]} />
        <Field label="Tên" path="name" errors={errors}>{(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
        <Field label="Slug" path="slug" errors={errors} hint="Để trống để tạo từ tên.">{(p) => <input {...p} value={form.slug} onChange={(e) => setForm({ ...form, slug: e.target.value })} />}</Field>
        <Field label="Mô tả" path="description" errors={errors}>{(p) => <input {...p} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}</Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>Lưu</button>
          {editing && <button type="button" onClick={() => { setEditing(undefined); setForm({ name: "", slug: "", description: "" }); }}>Huỷ</button>}
        </div>
      </form>
    </section>
  );
}
