import { useEffect, useState } from "react";
import { api, statusLabels, type Schema } from "../api";
import { linkProps } from "../router";

/** Directives (văn bản), newest issue first, with search. */
export function DirectiveList() {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Schema<"DirectiveListItem">[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      void api.GET("/api/v1/directives", { params: { query: { q: q || undefined, pageSize: 50 } } }).then(({ data }) => setItems(data?.items ?? []));
    }, 200);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <section>
      <div className="heading-row">
        <h1>Văn bản</h1>
        <a className="button primary" {...linkProps("/directives/new")}>
          Thêm văn bản
        </a>
      </div>
      <label className="filters">
        Tìm kiếm <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      <table className="list">
        <caption className="visually-hidden">Danh sách văn bản</caption>
        <thead>
          <tr>
            <th scope="col">Số ký hiệu</th>
            <th scope="col">Trích yếu</th>
            <th scope="col">Ngày ban hành</th>
            <th scope="col">Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td>
                <a {...linkProps(`/directives/${d.id}`)}>{d.number}</a>
              </td>
              <td>{d.abstract}</td>
              <td>{d.issuedOn}</td>
              <td>{d.status ? statusLabels[d.status] : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
