import { useEffect, useState, type ReactNode } from "react";
import { onNetwork, session, type Role } from "./api";
import { linkProps, navigate, useRoute } from "./router";
import { SignIn } from "./screens/SignIn";
import { ArticleList } from "./screens/ArticleList";
import { ArticleEditor } from "./screens/ArticleEditor";
import { DirectiveList } from "./screens/DirectiveList";
import { DirectiveEditor } from "./screens/DirectiveEditor";
import { Categories } from "./screens/Categories";
import { SettingsScreen } from "./screens/Settings";
import { Dashboard } from "./screens/Dashboard";
import { FeedSources } from "./screens/FeedSources";
import { Webhooks } from "./screens/Webhooks";
import { ApiKeys } from "./screens/ApiKeys";

interface Screen {
  route: string;
  label: string;
  adminOnly: boolean;
}

/** The menu; admin-only screens are neither listed nor rendered for an editor key. */
const screens: Screen[] = [
  { route: "/", label: "Tổng quan", adminOnly: false },
  { route: "/articles", label: "Tin bài", adminOnly: false },
  { route: "/directives", label: "Văn bản", adminOnly: false },
  { route: "/categories", label: "Chuyên mục", adminOnly: false },
  { route: "/settings", label: "Cấu hình", adminOnly: true },
  { route: "/feeds", label: "Nguồn tin", adminOnly: true },
  { route: "/webhooks", label: "Webhook", adminOnly: true },
  { route: "/keys", label: "Khoá truy cập", adminOnly: true },
];

function screenFor(route: string, role: Role): ReactNode {
  const [, first = "", second] = route.split("/");
  const screen = screens.find((s) => s.route === `/${first}`);
  if (screen?.adminOnly && role !== "admin") return <NotAllowed />;
  switch (first) {
    case "":
      return <Dashboard />;
    case "articles":
      return second ? <ArticleEditor id={second === "new" ? undefined : second} key={second} /> : <ArticleList />;
    case "directives":
      return second ? <DirectiveEditor id={second === "new" ? undefined : second} key={second} /> : <DirectiveList />;
    case "categories":
      return <Categories />;
    case "settings":
      return <SettingsScreen />;
    case "feeds":
      return <FeedSources />;
    case "webhooks":
      return <Webhooks />;
    case "keys":
      return <ApiKeys />;
    default:
      return <p>Không có trang này.</p>;
  }
}

function NotAllowed() {
  return (
    <p role="alert" className="alert">
      Trang này chỉ dành cho quản trị viên.
    </p>
  );
}

export function App() {
  const route = useRoute();
  const [role, setRole] = useState<Role | undefined>(session.role());
  const [networkDown, setNetworkDown] = useState(false);
  useEffect(() => onNetwork(setNetworkDown), []);

  if (!role || !session.key()) {
    return <SignIn onSignedIn={(r) => setRole(r)} />;
  }
  const signOut = () => {
    session.clear();
    setRole(undefined);
    navigate("/");
  };
  const active = (r: string) => (r === "/" ? route === "/" : route === r || route.startsWith(`${r}/`));
  return (
    <div className="layout">
      <a className="skip" href="#main">
        Bỏ qua menu
      </a>
      <header className="top">
        <strong>Quản trị cổng thông tin</strong>
        <span className="who">
          {role === "admin" ? "Quản trị viên" : "Biên tập viên"}{" "}
          <button type="button" onClick={signOut}>
            Đăng xuất
          </button>
        </span>
      </header>
      <nav aria-label="Menu chính">
        <ul>
          {screens
            .filter((s) => !s.adminOnly || role === "admin")
            .map((s) => (
              <li key={s.route}>
                <a {...linkProps(s.route)} aria-current={active(s.route) ? "page" : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {networkDown && (
          <p className="alert" role="status">
            Mất kết nối tới máy chủ — đang thử lại…
          </p>
        )}
        {screenFor(route, role)}
      </main>
    </div>
  );
}
