import { useCallback, useEffect, useState } from "react";
import { api, showInstant, type Role, type Schema } from "../api";
import { ErrorSummary, Field, must, useSubmit } from "../forms";

/** API keys: create (the secret is shown once, with a copy button), list, revoke. */
export function ApiKeys() {
  const [items, setItems] = useState<Schema<"ApiKeyResponse">[]>([]);
  const [form, setForm] = useState<{ name: string; role: Role }>({ name: "", role: "editor" });
  const [created, setCreated] = useState<Schema<"CreatedApiKeyResponse"> | undefined>();
  const [copied, setCopied] = useState(false);
  const { busy, errors, run } = useSubmit();
  const load = useCallback(async () => setItems((await api.GET("/api/v1/api-keys")).data ?? []), []);
  useEffect(() => void load(), [load]);
  const create = () =>
    run(async () => {
      setCopied(false);
      setCreated(must(await api.POST("/api/v1/api-keys", { body: form })));
      setForm({ name: "", role: "editor" });
      await load();
    });
  const revoke = (k: Schema<"ApiKeyResponse">) => {
    if (!window.confirm(`Thu hồi khoá "${k.name}"? Khoá hết hiệu lực ngay.`)) return;
    void run(async () => {
      must(await api.DELETE("/api/v1/api-keys/{id}", { params: { path: { id: k.id! } } }));
      await load();
    });
  };
  return (
    <section>
      <h1>Khoá truy cập</h1>
      {created && (
        <div className="secret" role="status">
          <p>
            Khoá <strong>{created.name}</strong> ({created.role}) — chỉ hiển thị <strong>một lần</strong>, hãy sao chép ngay:
          </p>
          <code data-testid="new-secret">{created.secret}</code>{" "}
          <button
            type="button"
            onClick={() => void navigator.clipboard?.writeText(created.secret ?? "").then(() => setCopied(true), () => setCopied(false))}
          >
            {copied ? "Đã sao chép" : "Sao chép"}
          </button>{" "}
          <button type="button" onClick={() => setCreated(undefined)}>Đã lưu, ẩn đi</button>
        </div>
      )}
      <ErrorSummary errors={errors} shown={["name", "role"]} />
      <table className="list">
        <caption className="visually-hidden">Khoá truy cập</caption>
        <thead><tr><th scope="col">Tên</th><th scope="col">Vai trò</th><th scope="col">Tiền tố</th><th scope="col">Tạo lúc</th><th scope="col">Thu hồi</th></tr></thead>
        <tbody>
          {items.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>{k.role === "admin" ? "Quản trị" : "Biên tập"}</td>
              <td><code>{k.prefix}</code></td>
              <td>{showInstant(k.createdAt)}</td>
              <td>{k.revokedAt ? showInstant(k.revokedAt) : <button type="button" className="danger" onClick={() => revoke(k)}>Thu hồi</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Tạo khoá</h2>
      <form onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <Field label="Tên (người hoặc phòng dùng khoá)" path="name" errors={errors}>{(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
        <Field label="Vai trò" path="role" errors={errors}>
          {(p) => (
            <select {...p} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              <option value="editor">Biên tập viên</option>
              <option value="admin">Quản trị viên</option>
            </select>
          )}
        </Field>
        <div className="actions"><button type="submit" className="primary" disabled={busy}>Tạo khoá</button></div>
      </form>
    </section>
  );
}
