import { useState } from "react";
import { roleOfKey, session, type Role } from "../api";
import { ErrorSummary, Field, useSubmit } from "../forms";

/** Sign-in with an API key; the key goes to session storage only (gone when the tab closes), never into the URL. */
export function SignIn({ onSignedIn }: { onSignedIn: (role: Role) => void }) {
  const [key, setKey] = useState("");
  const { busy, errors, setErrors, run } = useSubmit();
  const submit = () =>
    run(async () => {
      const trimmed = key.trim();
      if (!trimmed) {
        setErrors({ fields: { key: ["Nhập khoá truy cập."] } });
        return;
      }
      const role = await roleOfKey(trimmed);
      if (role === "invalid") {
        setErrors({ fields: { key: ["Khoá không hợp lệ hoặc đã bị thu hồi."] } });
        return;
      }
      session.save(trimmed, role);
      onSignedIn(role);
    });
  return (
    <main className="signin" id="main">
      <h1>Đăng nhập quản trị</h1>
      <form
        method="post"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary errors={errors} shown={["key"]} />
        <Field label="Khoá truy cập (API key)" path="key" errors={errors} hint="Khoá do quản trị viên cấp (make key). Chỉ lưu trong phiên làm việc này.">
          {(p) => (
            <input {...p} type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Đang kiểm tra…" : "Đăng nhập"}
        </button>
      </form>
    </main>
  );
}
