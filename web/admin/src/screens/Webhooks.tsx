import { useCallback, useEffect, useState } from "react";
import { api, showInstant, type Schema } from "../api";
import { ErrorSummary, Field, must, useSubmit } from "../forms";

/** Webhook subscriptions, their delivery log, redelivery. */
export function Webhooks() {
  const [items, setItems] = useState<Schema<"WebhookResponse">[]>([]);
  const [log, setLog] = useState<{ hook: Schema<"WebhookResponse">; deliveries: Schema<"DeliveryResponse">[] } | undefined>();
  const [form, setForm] = useState({ url: "https://", events: "article.published", secret: "" });
  const { busy, errors, run } = useSubmit();
  const load = useCallback(async () => setItems((await api.GET("/api/v1/webhooks")).data ?? []), []);
  useEffect(() => void load(), [load]);
  const deliveries = async (hook: Schema<"WebhookResponse">) =>
    setLog({ hook, deliveries: must(await api.GET("/api/v1/webhooks/{id}/deliveries", { params: { path: { id: hook.id! } } })) });
  const add = () =>
    run(async () => {
      const events = form.events.split(",").map((e) => e.trim()).filter(Boolean);
      must(await api.POST("/api/v1/webhooks", { body: { url: form.url, events, secret: form.secret || null, enabled: true } }));
      setForm({ url: "https://", events: "article.published", secret: "" });
      await load();
    });
  const remove = (hook: Schema<"WebhookResponse">) => {
    if (!window.confirm(`Xoá webhook ${hook.url}?`)) return;
    void run(async () => {
      must(await api.DELETE("/api/v1/webhooks/{id}", { params: { path: { id: hook.id! } } }));
      setLog(undefined);
      await load();
    });
  };
  return (
    <section>
      <h1>Webhook</h1>
      <ErrorSummary errors={errors} shown={["url", "events", "secret"]} />
      <table className="list">
        <caption className="visually-hidden">Webhook</caption>
        <thead><tr><th scope="col">Địa chỉ</th><th scope="col">Sự kiện</th><th scope="col">Thao tác</th></tr></thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id}>
              <td className="wrap">{h.url}</td>
              <td>{(h.events ?? []).join(", ")}</td>
              <td>
                <button type="button" onClick={() => void run(() => deliveries(h))}>Nhật ký gửi</button>{" "}
                <button type="button" className="danger" onClick={() => remove(h)}>Xoá</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log && (
        <section aria-labelledby="log-title">
          <h2 id="log-title">Nhật ký gửi: {log.hook.url}</h2>
          <ul>
            {log.deliveries.map((d) => (
              <li key={d.id}>
                {d.event} · {showInstant(d.createdAt)} · {d.attempts} lần ·{" "}
                {d.deliveredAt ? `đã gửi ${showInstant(d.deliveredAt)}` : d.gaveUpAt ? "đã dừng" : "đang chờ"} · HTTP {d.lastStatusCode ?? "—"}{" "}
                {d.lastError && <span className="error">{d.lastError}</span>}{" "}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      must(await api.POST("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", { params: { path: { id: log.hook.id!, deliveryId: d.id! } } }));
                      await deliveries(log.hook);
                    })
                  }
                >
                  Gửi lại
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>Thêm webhook</h2>
      <form onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <Field label="Địa chỉ nhận" path="url" errors={errors}>{(p) => <input {...p} type="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />}</Field>
        <Field label="Sự kiện (cách nhau bằng dấu phẩy)" path="events" errors={errors}>{(p) => <input {...p} value={form.events} onChange={(e) => setForm({ ...form, events: e.target.value })} />}</Field>
        <Field label="Khoá ký (secret)" path="secret" errors={errors}>{(p) => <input {...p} type="password" autoComplete="off" value={form.secret} onChange={(e) => setForm({ ...form, secret: e.target.value })} />}</Field>
        <div className="actions"><button type="submit" className="primary" disabled={busy}>Thêm</button></div>
      </form>
    </section>
  );
}
