import { useEffect, useState } from "react";
import { api, showInstant, statusLabels, toFormErrors, type FormErrors, type Schema } from "../api";
import { ErrorSummary } from "../forms";
import { linkProps } from "../router";

type Status = Schema<"PublicationState"> | "";

/** Articles with status filters and search; newest change first. */
export function ArticleList() {
  const [status, setStatus] = useState<Status>("");
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const [page, setPage] = useState<Schema<"ArticleListItemPage"> | undefined>();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });

  useEffect(() => {
    let live = true;
    api
      .GET("/api/v1/articles", {
        params: { query: { status: status || undefined, q: query || undefined, sort: "-updatedAt", pageSize: 50 } },
      })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data) setPage(data);
        else setErrors(toFormErrors(error, response.status));
      })
      .catch((e: unknown) => live && setErrors(toFormErrors(e)));
    return () => {
      live = false;
    };
  }, [status, query]);

  return (
    <section>
      <div className="heading-row">
        <h1>Tin bài</h1>
        <a className="button primary" {...linkProps("/articles/new")}>
          Viết bài mới
        </a>
      </div>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q);
        }}
      >
        <label>
          Trạng thái{" "}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            <option value="">Tất cả</option>
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tìm kiếm <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit">Tìm</button>
      </form>
      <ErrorSummary errors={errors} />
      <table className="list">
        <caption className="visually-hidden">Danh sách tin bài</caption>
        <thead>
          <tr>
            <th scope="col">Tiêu đề</th>
            <th scope="col">Chuyên mục</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Xuất bản (giờ Việt Nam)</th>
          </tr>
        </thead>
        <tbody>
          {page?.items?.map((a) => (
            <tr key={a.id}>
              <td>
                <a {...linkProps(`/articles/${a.id}`)}>{a.title}</a>
              </td>
              <td>{a.category?.name ?? "—"}</td>
              <td>
                <span className={`status ${a.status}`}>{a.status ? statusLabels[a.status] : ""}</span>
              </td>
              <td>{showInstant(a.publishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && <p>{page.totalItems} bài</p>}
    </section>
  );
}
