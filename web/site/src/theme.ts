/**
 * Theme colours: the four the seed page offers (Màu đỏ, Màu xanh nước biển, Màu vàng, Màu xanh lá cây) come from the
 * API's settings (`themeColours`: key, name, hex). Shared by the server (renders the chosen theme) and the browser
 * script (switches it without a reload), so both pick the same text colour.
 */

/** The cookie that keeps the reader's theme key (readable by the server, so the page is rendered in it). */
export const THEME_COOKIE = "portal_theme";

/** WCAG 2.x relative luminance of a `#RRGGBB` colour (0 black … 1 white). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 0;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? "0", 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour (near-black or white) with the better contrast on a theme background. */
export function foregroundOn(hex: string): string {
  return contrast(hex, "#ffffff") >= contrast(hex, "#1a1a1a") ? "#ffffff" : "#1a1a1a";
}

/** WCAG 2.x AA for normal text: the headings and buttons drawn on the theme colour are normal-size text. */
export const AA = 4.5;

const toHex = (n: number) => Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, "0");

/** `hex` mixed with black (`amount` 0…1). */
function darken(hex: string, amount: number): string {
  const h = hex.replace("#", "");
  const channel = (i: number) => parseInt(h.slice(i, i + 2), 16) * (1 - amount);
  return `#${toHex(channel(0))}${toHex(channel(2))}${toHex(channel(4))}`;
}

/**
 * The background and text colours for a theme: the editor's colour itself when near-black or white text on it reaches
 * AA (4.5:1), else that colour darkened just enough for white text to (e.g. a mid green where neither does).
 */
export function themeColours(hex: string): { background: string; foreground: string; accent: string } {
  const foreground = foregroundOn(hex);
  if (contrast(hex, foreground) >= AA) return { background: hex, foreground, accent: hex };
  for (let amount = 0.05; amount < 1; amount += 0.05) {
    const darker = darken(hex, amount);
    if (contrast(darker, "#ffffff") >= AA) return { background: darker, foreground: "#ffffff", accent: hex };
  }
  return { background: "#1a1a1a", foreground: "#ffffff", accent: hex };
}

/** CSS custom properties for a theme: `--theme` (background), `--theme-fg` (text on it), `--theme-accent` (the colour as chosen, for lines). */
export function themeVars(hex: string): Record<"--theme" | "--theme-fg" | "--theme-accent", string> {
  const c = themeColours(hex);
  return { "--theme": c.background, "--theme-fg": c.foreground, "--theme-accent": c.accent };
}

/** The same properties as an inline style. */
export function themeStyle(hex: string): string {
  return Object.entries(themeVars(hex)).map(([k, v]) => `${k}:${v}`).join(";");
}

/** A safe `#RRGGBB` for CSS, or the fallback when the API gave something else. */
export function cssHex(hex: string | undefined, fallback = "#C8102E"): string {
  return hex && /^#[0-9a-f]{6}$/i.test(hex) ? hex : fallback;
}
