import { useCallback, useEffect, useState } from "react";
import { api, showInstant, type Schema } from "../api";
import { ErrorSummary, Field, must, useSubmit } from "../forms";

/** Feed sources: add, import now, the last runs with their errors. */
export function FeedSources() {
  const [items, setItems] = useState<Schema<"FeedSourceResponse">[]>([]);
  const [runs, setRuns] = useState<{ source: string; runs: Schema<"FeedRunResponse">[] } | undefined>();
  const [form, setForm] = useState({ name: "", url: "https://", pollIntervalMinutes: 60, publishOnImport: false });
  const { busy, errors, run } = useSubmit();
  const load = useCallback(async () => setItems((await api.GET("/api/v1/feed-sources")).data ?? []), []);
  useEffect(() => void load(), [load]);
  const add = () =>
    run(async () => {
      must(await api.POST("/api/v1/feed-sources", { body: { ...form, enabled: true } }));
      setForm({ name: "", url: "https://", pollIntervalMinutes: 60, publishOnImport: false });
      await load();
    });
  const showRuns = (source: Schema<"FeedSourceResponse">) =>
    run(async () => setRuns({ source: source.name ?? "", runs: must(await api.GET("/api/v1/feed-sources/{id}/runs", { params: { path: { id: source.id! } } })) }));
  const importNow = (source: Schema<"FeedSourceResponse">) =>
    run(async () => {
      must(await api.POST("/api/v1/feed-sources/{id}/import", { params: { path: { id: source.id! } } }));
      await load();
      setRuns({ source: source.name ?? "", runs: must(await api.GET("/api/v1/feed-sources/{id}/runs", { params: { path: { id: source.id! } } })) });
    });
  return (
    <section>
      <h1>Nguồn tin</h1>
      <ErrorSummary errors={errors} shown={["name", "url", "pollIntervalMinutes"]} />
      <table className="list">
        <caption className="visually-hidden">Nguồn tin</caption>
        <thead><tr><th scope="col">Tên</th><th scope="col">Địa chỉ</th><th scope="col">Lần chạy cuối</th><th scope="col">Thao tác</th></tr></thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td className="wrap">{s.url}</td>
              <td>{showInstant(s.lastRunAt)}</td>
              <td>
                <button type="button" disabled={busy} onClick={() => void importNow(s)}>Nhập ngay</button>{" "}
                <button type="button" onClick={() => void showRuns(s)}>Lịch sử</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs && (
        <section aria-labelledby="runs-title">
          <h2 id="runs-title">Các lần chạy: {runs.source}</h2>
          <ul>
            {runs.runs.map((r) => (
              <li key={r.id}>
                {showInstant(r.startedAt)} — {r.outcome} (HTTP {r.httpStatus ?? "—"}): tạo {r.created}, cập nhật {r.updated}, bỏ qua {r.skipped}
                {(r.errors ?? []).length > 0 && (
                  <ul>{r.errors!.map((e, i) => <li key={i} className="error">{e.item ?? `#${e.index ?? "?"}`}: {e.reason}</li>)}</ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>Thêm nguồn</h2>
      <form onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <Field label="Tên" path="name" errors={errors}>{(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
        <Field label="Địa chỉ RSS/Atom" path="url" errors={errors}>{(p) => <input {...p} type="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />}</Field>
        <Field label="Chu kỳ (phút)" path="pollIntervalMinutes" errors={errors}>{(p) => <input {...p} type="number" value={form.pollIntervalMinutes} onChange={(e) => setForm({ ...form, pollIntervalMinutes: Number(e.target.value) })} />}</Field>
        <label><input type="checkbox" checked={form.publishOnImport} onChange={(e) => setForm({ ...form, publishOnImport: e.target.checked })} /> Xuất bản ngay khi nhập</label>
        <div className="actions"><button type="submit" className="primary" disabled={busy}>Thêm</button></div>
      </form>
    </section>
  );
}
