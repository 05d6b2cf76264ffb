import { useEffect, useState } from "react";
import { api, session, statusLabels, type Schema } from "../api";
import { SaveForm, useConditionalSave } from "../conditionalSave";
import { Field, must, useSubmit, type ConflictField } from "../forms";
import { navigate } from "../router";
import { loadDirective, saveDirective } from "../writes";

type Directive = Schema<"DirectiveResponse">;
type Command = { [K in keyof Required<Schema<"DirectiveCommand">>]: string };

const empty: Command = {
  number: "", typeCode: "", issuerId: "", issuerName: "", issuedOn: "", effectiveOn: "", expiresOn: "",
  abstract: "", contentHtml: "", signer: "", field: "",
};

const toForm = (d: Directive): Command => ({
  number: d.number ?? "",
  typeCode: d.type?.code ?? "",
  issuerId: d.issuer?.id ?? "",
  issuerName: d.issuer?.name ?? "",
  issuedOn: d.issuedOn ?? "",
  effectiveOn: d.effectiveOn ?? "",
  expiresOn: d.expiresOn ?? "",
  abstract: d.abstract ?? "",
  contentHtml: d.contentHtml ?? "",
  signer: d.signer ?? "",
  field: d.field ?? "",
});

const toCommand = (f: Command): Schema<"DirectiveCommand"> =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.trim() === "" ? null : v])) as Schema<"DirectiveCommand">;

const labels: Record<keyof Command, string> = {
  number: "Số ký hiệu", typeCode: "Loại văn bản", issuerId: "Cơ quan ban hành (danh mục)", issuerName: "Tên cơ quan ban hành (như in trên văn bản)",
  issuedOn: "Ngày ban hành", effectiveOn: "Ngày hiệu lực", expiresOn: "Ngày hết hiệu lực", abstract: "Trích yếu",
  contentHtml: "Nội dung (HTML)", signer: "Người ký", field: "Lĩnh vực",
};
const conflictFields: ConflictField<Command>[] = (Object.keys(labels) as (keyof Command)[]).map((key) => ({ key, label: labels[key] }));
const relationKinds: Record<Schema<"RelationKind">, string> = {
  implements: "Triển khai", amends: "Sửa đổi", replaces: "Thay thế", guides: "Hướng dẫn",
};

/** The number as the server reads it, checked while it is typed (GET /document-numbers/parse). */
function useNumberCheck(number: string) {
  const [parsed, setParsed] = useState<Schema<"DocumentNumberResponse"> | undefined>();
  useEffect(() => {
    if (!number.trim()) return setParsed(undefined);
    const timer = setTimeout(() => {
      void api.GET("/api/v1/document-numbers/parse", { params: { query: { number } } }).then(({ data }) => setParsed(data));
    }, 250);
    return () => clearTimeout(timer);
  }, [number]);
  return parsed;
}

/** One directive: the form, the number check beside its field, relations both ways, attachments, lifecycle. */
export function DirectiveEditor({ id }: { id: string | undefined }) {
  const [types, setTypes] = useState<Schema<"DocumentTypeResponse">[]>([]);
  const [issuers, setIssuers] = useState<Schema<"IssuingBodyResponse">[]>([]);
  const [relation, setRelation] = useState<{ kind: Schema<"RelationKind">; number: string }>({ kind: "implements", number: "" });
  const [notice, setNotice] = useState("");
  const { busy, errors, run } = useSubmit();
  const saving = useConditionalSave({
    run,
    empty,
    read: id ? () => loadDirective(id) : undefined,
    write: (values: Command, etag) => saveDirective(id, toCommand(values), etag),
    toForm,
    conflictFields,
    onSaved: () => setNotice("Đã lưu."),
    onCreated: (created) => navigate(`/directives/${created.id}`),
  });
  const { form, setForm, item: directive, refresh: reload } = saving;
  const parsed = useNumberCheck(form.number);

  useEffect(() => {
    void api.GET("/api/v1/document-types").then(({ data }) => setTypes(data ?? []));
    void api.GET("/api/v1/issuing-bodies", { params: { query: { pageSize: 100 } } }).then(({ data }) => setIssuers(data?.items ?? []));
  }, []);

  const set = (key: keyof Command, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const action = (what: "publish" | "unpublish" | "archive") =>
    run(async () => {
      if (!id) return;
      const path = { params: { path: { id } } };
      if (what === "publish") must(await api.POST("/api/v1/directives/{id}/publish", { ...path, body: {} }));
      else if (what === "unpublish") must(await api.POST("/api/v1/directives/{id}/unpublish", path));
      else must(await api.POST("/api/v1/directives/{id}/archive", path));
      await reload();
      setNotice("Đã cập nhật trạng thái.");
    });
  const addRelation = () =>
    run(async () => {
      if (!id) return;
      const target = must(await api.GET("/api/v1/directives/by-number/{number}", { params: { path: { number: relation.number } } })) as Schema<"DirectiveResponse">;
      must(await api.POST("/api/v1/directives/{id}/relations", { params: { path: { id } }, body: { kind: relation.kind, targetId: target.id } }));
      setRelation({ ...relation, number: "" });
      await reload();
    });
  const removeRelation = (r: Schema<"RelationResponse">) =>
    run(async () => {
      if (!id || !r.kind || !r.directive?.id) return;
      // An incoming relation is removed from the directive it starts at.
      const [from, to] = r.direction === "incoming" ? [r.directive.id, id] : [id, r.directive.id];
      must(await api.DELETE("/api/v1/directives/{id}/relations/{kind}/{targetId}", { params: { path: { id: from, kind: r.kind, targetId: to } } }));
      await reload();
    });
  const upload = (file: File) =>
    run(async () => {
      if (!id) return;
      const body = new FormData();
      body.append("file", file, file.name);
      must(
        await api.POST("/api/v1/directives/{id}/attachments", {
          params: { path: { id } },
          body: body as unknown as never,
          bodySerializer: (b: unknown) => b as FormData,
        }),
      );
      await reload();
    });
  const download = (a: Schema<"AttachmentResponse">) =>
    run(async () => {
      // Drafts' files need the key, so the download goes through fetch with it rather than a bare link.
      const response = await fetch(a.url!, { headers: { Authorization: `Bearer ${session.key()}` } });
      if (!response.ok) throw new Error(`Không tải được tệp (${response.status}).`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = a.fileName ?? "tep";
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  const removeAttachment = (a: Schema<"AttachmentResponse">) => {
    if (!id || !window.confirm(`Xoá tệp "${a.fileName}"?`)) return;
    void run(async () => {
      must(await api.DELETE("/api/v1/directives/{id}/attachments/{attachmentId}", { params: { path: { id, attachmentId: a.id! } } }));
      await reload();
    });
  };
  const remove = () => {
    if (!id || !window.confirm(`Xoá văn bản ${form.number}?`)) return;
    void run(async () => {
      must(await api.DELETE("/api/v1/directives/{id}", { params: { path: { id } } }));
      navigate("/directives");
    });
  };

  const numberCheck = parsed && (
    <div className="number-check" aria-live="polite" data-testid="number-check">
      <div>
        Hệ thống: <strong>{parsed.system}</strong> · Dạng chuẩn: <strong>{parsed.canonical}</strong>
        {parsed.typeName && <> · Loại: {parsed.typeName}</>}
      </div>
      {(parsed.warnings ?? []).map((w) => (
        <div className="warning" key={w}>
          ⚠ {w}
        </div>
      ))}
    </div>
  );
  const input = (key: keyof Command, type = "text") => (
    <Field label={labels[key]} path={key} errors={errors} aside={key === "number" ? numberCheck : undefined}>
      {(p) => <input {...p} type={type} value={form[key]} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  );
  return (
    <section>
      <h1>{id ? `Văn bản ${directive?.number ?? ""}` : "Văn bản mới"}</h1>
      {directive && (
        <p className="meta">
          <span className={`status ${directive.status}`} data-testid="directive-status">
            {statusLabels[directive.status!]}
          </span>
        </p>
      )}
      <SaveForm saving={saving} errors={errors} shown={Object.keys(labels)} notice={notice} busy={busy} className="editor" noValidate>
        <div className="columns">
          <div className="main-column">
            {input("number")}
            <Field label={labels.typeCode} path="typeCode" errors={errors}>
              {(p) => (
                <select {...p} value={form.typeCode} onChange={(e) => set("typeCode", e.target.value)}>
                  <option value="">(chọn)</option>
                  {types.map((t) => (
                    <option key={t.code} value={t.code}>
                      {t.code} — {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={labels.issuerId} path="issuerId" errors={errors}>
              {(p) => (
                <select {...p} value={form.issuerId} onChange={(e) => set("issuerId", e.target.value)}>
                  <option value="">(không có trong danh mục)</option>
                  {issuers.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {input("issuerName")}
            <Field label={labels.abstract} path="abstract" errors={errors}>
              {(p) => <textarea {...p} rows={3} value={form.abstract} onChange={(e) => set("abstract", e.target.value)} />}
            </Field>
          </div>
          <div className="side-column">
            {input("issuedOn", "date")}
            {input("effectiveOn", "date")}
            {input("expiresOn", "date")}
            {input("signer")}
            {input("field")}
          </div>
        </div>
      </SaveForm>
      {id && directive && (
        <>
          <section aria-labelledby="d-life">
            <h2 id="d-life">Xuất bản</h2>
            <div className="actions">
              <button type="button" disabled={busy} onClick={() => void action("publish")}>Xuất bản</button>
              <button type="button" disabled={busy} onClick={() => void action("unpublish")}>Gỡ xuất bản</button>
              <button type="button" disabled={busy} onClick={() => void action("archive")}>Lưu trữ</button>
              <button type="button" className="danger" disabled={busy} onClick={remove}>Xoá</button>
            </div>
          </section>
          <section aria-labelledby="d-rel">
            <h2 id="d-rel">Quan hệ</h2>
            <ul>
              {(directive.relations ?? []).map((r) => (
                <li key={`${r.kind}-${r.direction}-${r.directive?.id}`}>
                  {r.direction === "incoming" ? "← được" : "→"} {relationKinds[r.kind!]} {r.directive?.number}{" "}
                  <button type="button" onClick={() => void removeRelation(r)}>Bỏ</button>
                </li>
              ))}
            </ul>
            <div className="actions">
              <label>
                Quan hệ{" "}
                <select value={relation.kind} onChange={(e) => setRelation({ ...relation, kind: e.target.value as Schema<"RelationKind"> })}>
                  {Object.entries(relationKinds).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                </select>
              </label>
              <label>
                Số ký hiệu văn bản đích <input value={relation.number} onChange={(e) => setRelation({ ...relation, number: e.target.value })} />
              </label>
              <button type="button" disabled={busy || !relation.number} onClick={() => void addRelation()}>Thêm quan hệ</button>
            </div>
          </section>
          <section aria-labelledby="d-att">
            <h2 id="d-att">Tệp đính kèm</h2>
            <ul>
              {(directive.attachments ?? []).map((a) => (
                <li key={a.id}>
                  {a.fileName} ({Math.ceil((a.length ?? 0) / 1024)} KB){" "}
                  <button type="button" onClick={() => void download(a)}>Tải về</button>{" "}
                  <button type="button" onClick={() => removeAttachment(a)}>Xoá</button>
                </li>
              ))}
            </ul>
            <label>
              Tải tệp lên (PDF, DOC, DOCX, ODT){" "}
              <input type="file" accept=".pdf,.doc,.docx,.odt" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
            </label>
          </section>
        </>
      )}
    </section>
  );
}
