/**
 * The one save path of the editing screens (articles, directives, settings): the form, the item as last read and its
 * ETag, saves sent with If-Match, and on a 412 the item as stored now shown beside the editor's version field by field
 * (ConflictView) until the editor resolves it; the resolved values are then saved against the new ETag.
 * useConditionalSave holds the state; SaveForm is the frame the screens put their fields in.
 */
import { useEffect, useRef, useState, type Dispatch, type FormHTMLAttributes, type SetStateAction } from "react";
import type { FormErrors } from "./api";
import { ConflictView, ErrorSummary, ProblemError, type ConflictField, type ConflictViewProps } from "./forms";
import type { Saved } from "./writes";

export interface ConditionalSaveOptions<Item, Form> {
  /** The submit runner of the screen (useSubmit().run): one call at a time, errors into the form. */
  run: (action: () => Promise<void>) => Promise<void>;
  /** The form before anything is read (a new item's blank form). */
  empty: Form;
  /** Reads the item as stored now, with its ETag; undefined while there is no stored item yet (a new article). */
  read: (() => Promise<Saved<Item>>) | undefined;
  /** Writes the values with If-Match: etag (or creates the item when there is none); throws a ProblemError on refusal. */
  write: (values: Form, etag: string | undefined) => Promise<Saved<Item>>;
  toForm: (item: Item) => Form;
  /** The fields the conflict view compares, with their labels. */
  conflictFields: ConflictField<Form>[];
  /** Told after each successful write (to say so). */
  onSaved?: (saved: Saved<Item>) => void;
  /** Told instead of showing the item when a write created it (there was nothing to read): the screen moves to it. */
  onCreated?: (item: Item) => void;
}

export interface ConditionalSave<Item, Form extends object> {
  form: Form;
  setForm: Dispatch<SetStateAction<Form>>;
  /** The item as last read or saved (undefined until then). */
  item: Item | undefined;
  /** Saves the form as it is against the ETag last read. */
  submit: () => Promise<void>;
  /** Reads the item again (after an action such as publishing) and keeps its new ETag; the form keeps what was typed. */
  refresh: () => Promise<Saved<Item> | undefined>;
  /** What the conflict view shows while a 412 is unresolved (mine, theirs, the fields, resolve and cancel), else undefined. */
  conflict: ConflictViewProps<Form> | undefined;
}

interface Conflict<Form> {
  theirs: Form;
  etag: string | undefined;
}

/** See the file's comment. The item is read once, when the screen mounts (screens are keyed by the item's id). */
export function useConditionalSave<Item, Form extends object>(options: ConditionalSaveOptions<Item, Form>): ConditionalSave<Item, Form> {
  const { run, read, write, toForm, conflictFields, onSaved, onCreated } = options;
  const [form, setForm] = useState<Form>(options.empty);
  const [item, setItem] = useState<Item | undefined>();
  const [etag, setEtag] = useState<string | undefined>();
  const [conflict, setConflict] = useState<Conflict<Form> | undefined>();

  const show = (saved: Saved<Item>) => {
    setItem(saved.item);
    setEtag(saved.etag);
    setForm(toForm(saved.item));
  };

  const first = useRef({ run, read, show });
  useEffect(() => {
    const { run, read, show } = first.current;
    if (read) void run(async () => show(await read()));
  }, []);

  const save = (values: Form, ifMatch: string | undefined) =>
    run(async () => {
      const attempt = async (tag: string | undefined, retried: boolean): Promise<void> => {
        try {
          const saved = await write(values, tag);
          onSaved?.(saved);
          if (!read && onCreated) return onCreated(saved.item);
          show(saved);
        } catch (error) {
          if (error instanceof ProblemError && error.status === 412 && read) {
            const current = await read();
            // The ETag covers the whole representation, view counts included: when nothing an editor can change
            // moved since the form was read (only a counter did), the write is sent again against the new ETag.
            const unchanged = item !== undefined && JSON.stringify(toForm(current.item)) === JSON.stringify(toForm(item));
            if (unchanged && !retried) return attempt(current.etag, true);
            setConflict({ theirs: toForm(current.item), etag: current.etag });
            return;
          }
          throw error;
        }
      };
      await attempt(ifMatch, false);
    });

  const refresh = async () => {
    if (!read) return undefined;
    const fresh = await read();
    setItem(fresh.item);
    setEtag(fresh.etag);
    return fresh;
  };

  const conflictProps: ConflictViewProps<Form> | undefined = conflict && {
    mine: form,
    theirs: conflict.theirs,
    fields: conflictFields,
    onCancel: () => setConflict(undefined),
    onResolve: (merged: Form) => {
      setForm(merged);
      setEtag(conflict.etag);
      setConflict(undefined);
      void save(merged, conflict.etag);
    },
  };

  return { form, setForm, item, submit: () => save(form, etag), refresh, conflict: conflictProps };
}

interface SaveFormProps<Item, Form extends object> extends Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit"> {
  saving: ConditionalSave<Item, Form>;
  errors: FormErrors;
  /** The field paths the form shows itself; the summary lists the other errors. */
  shown?: string[];
  /** The last thing done ("Đã lưu."), shown while there is no error. */
  notice: string;
  /** A submit is under way: the save button is disabled and says so. */
  busy: boolean;
  /** The save button's label. */
  submitLabel?: string;
  /** Keeps the save button in view at the bottom of the window (long forms). */
  sticky?: boolean;
}

/**
 * The conflict view while there is one, the errors no field shows, the notice, and the form (its fields are the
 * children) with the save button, which submits the save.
 */
export function SaveForm<Item, Form extends object>(props: SaveFormProps<Item, Form>) {
  const { saving, errors, shown, notice, busy, submitLabel = "Lưu", sticky = false, children, ...form } = props;
  return (
    <>
      {saving.conflict && <ConflictView {...saving.conflict} />}
      <ErrorSummary errors={errors} shown={shown} />
      {notice && !errors.message && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <form
        {...form}
        onSubmit={(e) => {
          e.preventDefault();
          void saving.submit();
        }}
      >
        {children}
        <div className={sticky ? "actions sticky" : "actions"}>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Đang lưu…" : submitLabel}
          </button>
        </div>
      </form>
    </>
  );
}
