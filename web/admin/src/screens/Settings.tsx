import { useState } from "react";
import { utcToVietnamLocal, vietnamLocalToUtc, type Schema } from "../api";
import { SaveForm, useConditionalSave } from "../conditionalSave";
import { ErrorSummary, Field, useSubmit, type ConflictField } from "../forms";
import { loadSettings, saveSettings } from "../writes";

type Command = Schema<"SettingsCommand">;
/** The settings command with its lists always present (the form edits them in place). */
type Settings = Omit<Command, "themeColours" | "banners" | "links"> & {
  themeColours: NonNullable<Command["themeColours"]>;
  banners: NonNullable<Command["banners"]>;
  links: NonNullable<Command["links"]>;
};
type Text = "siteName" | "governingAgency" | "responsiblePerson" | "standingAgency" | "address" | "phone" | "fax" | "email" | "republishNotice" | "linksTitle";

const textLabels: Record<Text, string> = {
  siteName: "Tên cổng", governingAgency: "Cơ quan chủ quản", responsiblePerson: "Chịu trách nhiệm nội dung",
  standingAgency: "Cơ quan thường trực", address: "Địa chỉ", phone: "Điện thoại", fax: "Fax", email: "E-mail",
  republishNotice: "Ghi chú khi phát hành lại", linksTitle: "Tiêu đề mục liên kết",
};

function toForm(s: Partial<Schema<"SettingsResponse">>): Settings {
  const text = Object.fromEntries((Object.keys(textLabels) as Text[]).map((k) => [k, s[k] ?? ""])) as Record<Text, string>;
  return {
    ...text,
    themeColours: (s.themeColours ?? []).map((c) => ({ key: c.key, name: c.name, hex: c.hex, isDefault: c.isDefault ?? false })),
    banners: (s.banners ?? []).map((b) => ({ title: b.title, imageUrl: b.imageUrl, linkUrl: b.linkUrl, startsAt: b.startsAt, endsAt: b.endsAt })),
    links: (s.links ?? []).map((l) => ({ title: l.title, url: l.url, order: l.order ?? 0 })),
  };
}

const conflictFields: ConflictField<Settings>[] = [
  ...(Object.keys(textLabels) as Text[]).map((key) => ({ key, label: textLabels[key] })),
  { key: "themeColours", label: "Màu giao diện" },
  { key: "banners", label: "Banner" },
  { key: "links", label: "Liên kết" },
];

/** Site settings (footer fields, theme colours with a preview, banners with display periods, links), saved with If-Match. */
export function SettingsScreen() {
  const [notice, setNotice] = useState("");
  const { busy, errors, run } = useSubmit();
  const saving = useConditionalSave({
    run,
    empty: toForm({}),
    read: loadSettings,
    write: saveSettings,
    toForm,
    conflictFields,
    onSaved: () => setNotice("Đã lưu cấu hình."),
  });
  const { form, setForm, item: stored } = saving;

  if (!stored) return <ErrorSummary errors={errors} />;
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm({ ...form, [key]: value });
  const item = <K extends "themeColours" | "banners" | "links">(key: K, index: number, patch: Partial<Settings[K][number]>) =>
    set(key, form[key].map((x, i) => (i === index ? { ...x, ...patch } : x)) as Settings[K]);
  const drop = <K extends "themeColours" | "banners" | "links">(key: K, index: number) =>
    set(key, form[key].filter((_, i) => i !== index) as Settings[K]);

  return (
    <section>
      <h1>Cấu hình cổng</h1>
      <SaveForm saving={saving} errors={errors} shown={Object.keys(textLabels)} notice={notice} busy={busy} submitLabel="Lưu cấu hình" sticky>
        <fieldset>
          <legend>Chân trang</legend>
          <div className="grid">
            {(Object.keys(textLabels) as Text[]).map((key) => (
              <Field key={key} label={textLabels[key]} path={key} errors={errors}>
                {(p) => <input {...p} value={form[key] ?? ""} onChange={(e) => set(key, e.target.value)} />}
              </Field>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Màu giao diện</legend>
          {form.themeColours.map((c, i) => (
            <div className="row" key={i}>
              <span className="swatch" style={{ background: c.hex ?? "#fff" }} aria-hidden="true" />
              <Field label="Khoá" path={`themeColours[${i}].key`} errors={errors}>{(p) => <input {...p} value={c.key ?? ""} onChange={(e) => item("themeColours", i, { key: e.target.value })} />}</Field>
              <Field label="Tên" path={`themeColours[${i}].name`} errors={errors}>{(p) => <input {...p} value={c.name ?? ""} onChange={(e) => item("themeColours", i, { name: e.target.value })} />}</Field>
              <Field label="Mã màu" path={`themeColours[${i}].hex`} errors={errors}>{(p) => <input {...p} type="color" value={c.hex ?? "#000000"} onChange={(e) => item("themeColours", i, { hex: e.target.value.toUpperCase() })} />}</Field>
              <label><input type="radio" name="default-colour" checked={c.isDefault} onChange={() => set("themeColours", form.themeColours.map((x, j) => ({ ...x, isDefault: i === j })))} /> Mặc định</label>
              <button type="button" onClick={() => drop("themeColours", i)}>Bỏ</button>
            </div>
          ))}
          <button type="button" onClick={() => set("themeColours", [...form.themeColours, { key: "", name: "", hex: "#1A5276", isDefault: form.themeColours.length === 0 }])}>Thêm màu</button>
          <div className="theme-preview" aria-label="Xem trước màu" role="img">
            {form.themeColours.map((c, i) => (
              <div key={i} style={{ background: c.hex ?? "#fff" }} className="preview-bar">
                <span>{c.name}{c.isDefault ? " (mặc định)" : ""}</span>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Banner (thời gian hiển thị theo giờ Việt Nam)</legend>
          {form.banners.map((b, i) => (
            <div className="row" key={i}>
              <Field label="Tiêu đề" path={`banners[${i}].title`} errors={errors}>{(p) => <input {...p} value={b.title ?? ""} onChange={(e) => item("banners", i, { title: e.target.value })} />}</Field>
              <Field label="Ảnh (URL)" path={`banners[${i}].imageUrl`} errors={errors}>{(p) => <input {...p} value={b.imageUrl ?? ""} onChange={(e) => item("banners", i, { imageUrl: e.target.value })} />}</Field>
              <Field label="Liên kết" path={`banners[${i}].linkUrl`} errors={errors}>{(p) => <input {...p} value={b.linkUrl ?? ""} onChange={(e) => item("banners", i, { linkUrl: e.target.value })} />}</Field>
              <Field label="Từ" path={`banners[${i}].startsAt`} errors={errors}>{(p) => <input {...p} type="datetime-local" value={b.startsAt ? utcToVietnamLocal(b.startsAt) : ""} onChange={(e) => item("banners", i, { startsAt: e.target.value ? vietnamLocalToUtc(e.target.value) : null })} />}</Field>
              <Field label="Đến" path={`banners[${i}].endsAt`} errors={errors}>{(p) => <input {...p} type="datetime-local" value={b.endsAt ? utcToVietnamLocal(b.endsAt) : ""} onChange={(e) => item("banners", i, { endsAt: e.target.value ? vietnamLocalToUtc(e.target.value) : null })} />}</Field>
              <button type="button" onClick={() => drop("banners", i)}>Bỏ</button>
            </div>
          ))}
          <button type="button" onClick={() => set("banners", [...form.banners, { title: "", imageUrl: "", linkUrl: "", startsAt: null, endsAt: null }])}>Thêm banner</button>
        </fieldset>
        <fieldset>
          <legend>Liên kết website</legend>
          {form.links.map((l, i) => (
            <div className="row" key={i}>
              <Field label="Tên" path={`links[${i}].title`} errors={errors}>{(p) => <input {...p} value={l.title ?? ""} onChange={(e) => item("links", i, { title: e.target.value })} />}</Field>
              <Field label="URL" path={`links[${i}].url`} errors={errors}>{(p) => <input {...p} value={l.url ?? ""} onChange={(e) => item("links", i, { url: e.target.value })} />}</Field>
              <Field label="Thứ tự" path={`links[${i}].order`} errors={errors}>{(p) => <input {...p} type="number" value={l.order} onChange={(e) => item("links", i, { order: Number(e.target.value) })} />}</Field>
              <button type="button" onClick={() => drop("links", i)}>Bỏ</button>
            </div>
          ))}
          <button type="button" onClick={() => set("links", [...form.links, { title: "", url: "https://", order: form.links.length + 1 }])}>Thêm liên kết</button>
        </fieldset>
      </SaveForm>
    </section>
  );
}
