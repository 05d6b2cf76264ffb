import { useEffect, useRef, useState } from "react";
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip,
} from "chart.js";
import { api, type Schema } from "../api";

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The visit counter: today and total (days in Asia/Ho_Chi_Minh), and visits and page views per day for 30 days. */
export function Dashboard() {
  const [totals, setTotals] = useState<Schema<"HitTotals"> | undefined>();
  const [days, setDays] = useState<Schema<"DayTotals">[]>([]);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    void api.GET("/api/v1/hits").then(({ data }) => setTotals(data));
    void api.GET("/api/v1/hits/daily").then(({ data }) => setDays(data ?? []));
  }, []);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels: days.map((d) => d.date ?? ""),
        datasets: [
          { label: "Lượt truy cập", data: days.map((d) => d.visits ?? 0), backgroundColor: "#1a5276" },
          { label: "Lượt xem trang", data: days.map((d) => d.pageViews ?? 0), backgroundColor: "#b9770e" },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
    });
    return () => chart.destroy();
  }, [days]);

  const n = (v: number | undefined) => (v ?? 0).toLocaleString("vi-VN");
  return (
    <section>
      <h1>Tổng quan</h1>
      <div className="cards">
        <div className="card"><div className="label">Truy cập hôm nay</div><div className="number" data-testid="today">{n(totals?.today)}</div></div>
        <div className="card"><div className="label">Tổng lượt truy cập</div><div className="number">{n(totals?.total)}</div></div>
        <div className="card"><div className="label">Xem trang hôm nay</div><div className="number">{n(totals?.pageViewsToday)}</div></div>
        <div className="card"><div className="label">Tổng lượt xem trang</div><div className="number">{n(totals?.pageViewsTotal)}</div></div>
      </div>
      <h2>Theo ngày</h2>
      <div className="chart">
        <canvas ref={canvas} role="img" aria-label="Biểu đồ lượt truy cập và lượt xem trang theo ngày" />
      </div>
      <table className="list visually-hidden">
        <caption>Số liệu theo ngày</caption>
        <thead><tr><th scope="col">Ngày</th><th scope="col">Truy cập</th><th scope="col">Xem trang</th></tr></thead>
        <tbody>{days.map((d) => <tr key={d.date}><td>{d.date}</td><td>{d.visits}</td><td>{d.pageViews}</td></tr>)}</tbody>
      </table>
    </section>
  );
}
