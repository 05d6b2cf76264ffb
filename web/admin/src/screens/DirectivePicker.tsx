import { useEffect, useId, useState } from "react";
import { api, type FormErrors, type Schema } from "../api";
import { errorsAt } from "../forms";

type DirectiveRef = Schema<"DirectiveRef">;

/** Related directives: search by number or abstract, add, remove. */
export function DirectivePicker({
  chosen,
  onChange,
  errors,
}: {
  chosen: DirectiveRef[];
  onChange: (d: DirectiveRef[]) => void;
  errors: FormErrors;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Schema<"DirectiveListItem">[]>([]);
  useEffect(() => {
    if (q.trim().length < 2) return setFound([]);
    const timer = setTimeout(() => {
      void api.GET("/api/v1/directives", { params: { query: { q, pageSize: 8 } } }).then(({ data }) => setFound(data?.items ?? []));
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);
  const messages = errorsAt(errors, "directiveIds", true);
  return (
    <fieldset className={messages.length ? "invalid" : undefined}>
      <legend>Văn bản liên quan</legend>
      <ul className="chips">
        {chosen.map((d) => (
          <li key={d.id}>
            {d.number}{" "}
            <button type="button" aria-label={`Bỏ ${d.number}`} onClick={() => onChange(chosen.filter((x) => x.id !== d.id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={id}>Tìm văn bản</label>
      <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      <ul className="results">
        {found
          .filter((f) => !chosen.some((c) => c.id === f.id))
          .map((f) => (
            <li key={f.id}>
              <button
                type="button"
                onClick={() => onChange([...chosen, { id: f.id, number: f.number, typeName: f.type?.name ?? "", abstract: f.abstract }])}
              >
                + {f.number}
              </button>{" "}
              {f.abstract}
            </li>
          ))}
      </ul>
      {messages.map((m) => (
        <div className="error" key={m}>
          {m}
        </div>
      ))}
    </fieldset>
  );
}
