/** Form building blocks: labelled fields that show their own errors (by JSON path), one-at-a-time submits, the conflict view. */
import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { noErrors, toFormErrors, type FormErrors } from "./api";

/** Errors of a field: its own path and any path below it ("coverImage" shows "coverImage.altText" too when asked). */
export function errorsAt(errors: FormErrors, path: string, nested = false): string[] {
  return Object.entries(errors.fields)
    .filter(([key]) => key === path || (nested && (key.startsWith(`${path}.`) || key.startsWith(`${path}[`))))
    .flatMap(([, messages]) => messages);
}

interface FieldProps {
  label: string;
  path: string;
  errors: FormErrors;
  hint?: ReactNode;
  aside?: ReactNode;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby": string }) => ReactNode;
}

/** A label, the control, a hint and the server's messages for <path>, tied together for screen readers. */
export function Field({ label, path, errors, hint, aside, children }: FieldProps) {
  const id = useId();
  const messages = errorsAt(errors, path);
  return (
    <div className={messages.length ? "field invalid" : "field"} data-path={path}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": messages.length > 0, "aria-describedby": `${id}-help` })}
      <div id={`${id}-help`}>
        {hint && <div className="hint">{hint}</div>}
        {messages.map((m) => (
          <div className="error" key={m}>
            {m}
          </div>
        ))}
      </div>
      {aside}
    </div>
  );
}

/** The problem's message and every field error that no field on screen shows, so that nothing is lost. */
export function ErrorSummary({ errors, shown }: { errors: FormErrors; shown?: string[] }) {
  const others = Object.entries(errors.fields).filter(
    ([key]) => !shown?.some((path) => key === path),
  );
  if (!errors.message && others.length === 0) return null;
  return (
    <div className="alert" role="alert">
      {errors.message && <p>{errors.message}</p>}
      {others.length > 0 && (
        <ul>
          {others.map(([key, messages]) => (
            <li key={key}>
              <code>{key}</code>: {messages.join(" ")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Runs one submit at a time: a second click while the first is under way does nothing (nothing is saved twice),
 * and errors land in `errors` while the form keeps what was typed.
 */
export function useSubmit() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const run = useCallback(async (action: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setErrors(noErrors);
    try {
      await action();
    } catch (error) {
      setErrors(error instanceof ProblemError ? error.errors : toFormErrors(error));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, errors, setErrors, run };
}

/** A problem answer raised inside a submit, carrying its field errors. */
export class ProblemError extends Error {
  constructor(
    readonly errors: FormErrors,
    readonly status: number,
  ) {
    super(errors.message);
  }
}

/** Throws the problem of an openapi-fetch result, or returns its data. */
export function must<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ProblemError(toFormErrors(result.error, result.response.status), result.response.status);
  }
  return result.data as T;
}

export interface ConflictField<T> {
  key: keyof T & string;
  label: string;
  show?: (value: T[keyof T]) => string;
}

export interface ConflictViewProps<T> {
  /** The editor's values, as typed. */
  mine: T;
  /** The values saved meanwhile (read after the 412). */
  theirs: T;
  fields: ConflictField<T>[];
  onResolve: (merged: T) => void;
  onCancel: () => void;
}

/**
 * The 412 view: for each field that differs, the editor's version and the one saved meanwhile, side by side, and a
 * choice per field. Nothing typed is lost: "keep mine" is the default, and both versions stay on screen until resolved.
 */
export function ConflictView<T extends object>({ mine, theirs, fields, onResolve, onCancel }: ConflictViewProps<T>) {
  const differing = fields.filter((f) => JSON.stringify(mine[f.key]) !== JSON.stringify(theirs[f.key]));
  const [choice, setChoice] = useState<Record<string, "mine" | "theirs">>(() =>
    Object.fromEntries(differing.map((f) => [f.key, "mine"])),
  );
  const show = (f: ConflictField<T>, v: T[keyof T]) =>
    f.show ? f.show(v) : typeof v === "string" ? v : JSON.stringify(v, null, 1);
  const resolve = () => {
    const merged = { ...mine };
    for (const f of differing) if (choice[f.key] === "theirs") merged[f.key] = theirs[f.key];
    onResolve(merged);
  };
  const all = (side: "mine" | "theirs") => setChoice(Object.fromEntries(differing.map((f) => [f.key, side])));
  return (
    <section className="conflict" role="alertdialog" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Xung đột: người khác đã lưu thay đổi trong lúc bạn sửa</h2>
      <p>
        Chọn bản giữ lại cho từng mục. Bản của bạn vẫn còn nguyên; chưa có gì bị ghi đè.
      </p>
      {differing.length === 0 && <p>Không có khác biệt ở các trường bạn sửa.</p>}
      {differing.map((f) => (
        <fieldset key={f.key} className="conflict-field">
          <legend>{f.label}</legend>
          <div className="conflict-sides">
            <label>
              <input
                type="radio"
                name={`c-${f.key}`}
                checked={choice[f.key] === "mine"}
                onChange={() => setChoice({ ...choice, [f.key]: "mine" })}
              />{" "}
              Bản của tôi
              <pre>{show(f, mine[f.key])}</pre>
            </label>
            <label>
              <input
                type="radio"
                name={`c-${f.key}`}
                checked={choice[f.key] === "theirs"}
                onChange={() => setChoice({ ...choice, [f.key]: "theirs" })}
              />{" "}
              Bản vừa được lưu
              <pre>{show(f, theirs[f.key])}</pre>
            </label>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" onClick={() => all("mine")}>
          Giữ toàn bộ bản của tôi
        </button>
        <button type="button" onClick={() => all("theirs")}>
          Lấy toàn bộ bản kia
        </button>
        <button type="button" className="primary" onClick={resolve}>
          Áp dụng lựa chọn
        </button>
        <button type="button" onClick={onCancel}>
          Để sau
        </button>
      </div>
    </section>
  );
}
