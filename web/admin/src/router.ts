/** A small router over the History API: the app lives under /admin/ and Portal answers index.html for its routes. */
import { useEffect, useState } from "react";

const BASE = "/admin";

export function currentRoute(): string {
  const path = window.location.pathname;
  const route = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return route === "" ? "/" : route;
}

export function navigate(route: string) {
  window.history.pushState(null, "", BASE + route);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener("popstate", update);
    return () => window.removeEventListener("popstate", update);
  }, []);
  return route;
}

/** An in-app link: a real <a href> (keyboard, middle click) that navigates without reloading. */
export function linkProps(route: string) {
  return {
    href: BASE + route,
    onClick: (e: { preventDefault(): void; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      navigate(route);
    },
  };
}
