/**
 * The app's one door to Portal: the typed client (@portal/client), the API key kept in session storage only (never in a
 * URL, a log or local storage), network failures reported and retried, and problem documents turned into field errors.
 */
import { createPortalClient, isProblem, type Problem, type Schema } from "@portal/client";

export type { Schema, Problem };
export type Role = Schema<"Role">;

const KEY = "portal-admin-key";
const ROLE = "portal-admin-role";

export const session = {
  key: (): string | undefined => sessionStorage.getItem(KEY) ?? undefined,
  role: (): Role | undefined => (sessionStorage.getItem(ROLE) as Role | null) ?? undefined,
  save(key: string, role: Role) {
    sessionStorage.setItem(KEY, key);
    sessionStorage.setItem(ROLE, role);
  },
  clear() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(ROLE);
  },
};

/** Listeners told when the network fails (true) and when it answers again (false). */
const networkListeners = new Set<(down: boolean) => void>();
export function onNetwork(listener: (down: boolean) => void): () => void {
  networkListeners.add(listener);
  return () => networkListeners.delete(listener);
}
const tellNetwork = (down: boolean) => networkListeners.forEach((l) => l(down));

/** Thrown when the server could not be reached after the retries; forms say so and keep what was typed. */
export class NetworkError extends Error {
  constructor() {
    super("Không kết nối được máy chủ. Nội dung bạn nhập vẫn được giữ; hãy thử lại.");
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * fetch with retries on network failure. Requests that are safe to repeat (GET, HEAD, PUT, DELETE, and any write
 * carrying If-Match, which the server refuses to apply twice) are retried three times; a POST without If-Match is not,
 * since it could then be saved twice — the form reports it and the editor decides.
 */
async function resilientFetch(input: Request): Promise<Response> {
  const repeatable = ["GET", "HEAD", "PUT", "DELETE"].includes(input.method) || input.headers.has("If-Match");
  const attempts = repeatable ? 4 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(input.clone());
      tellNetwork(false);
      return response;
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      tellNetwork(true);
      if (attempt >= attempts) throw new NetworkError();
      await wait(500 * 2 ** attempt);
    }
  }
}

export const api = createPortalClient({
  baseUrl: window.location.origin,
  apiKey: () => session.key(),
  fetch: resilientFetch as typeof fetch,
});

/** Field errors keyed by JSON path ("title", "coverImage.altText", "links[0].url"), plus the problem's own message. */
export interface FormErrors {
  message?: string;
  fields: Record<string, string[]>;
}

export const noErrors: FormErrors = { fields: {} };

/** Turns what a call threw or returned as `error` into messages for the form. */
export function toFormErrors(error: unknown, status?: number): FormErrors {
  if (error instanceof NetworkError) return { message: error.message, fields: {} };
  if (isProblem(error)) {
    const problem = error as Problem;
    const fields: Record<string, string[]> = {};
    for (const [path, messages] of Object.entries(problem.errors ?? {})) fields[normalisePath(path)] = messages;
    return { message: problemMessage(problem, status), fields };
  }
  if (error instanceof Error) return { message: error.message, fields: {} };
  return { message: `Máy chủ trả lời lỗi ${status ?? ""}`.trim(), fields: {} };
}

/** "$.links[0].url" and "Links[0].Url" both become "links[0].url". */
export function normalisePath(path: string): string {
  return path
    .replace(/^\$\.?/, "")
    .split(".")
    .map((part) => (part ? part[0]!.toLowerCase() + part.slice(1) : part))
    .join(".");
}

function problemMessage(problem: Problem, status?: number): string {
  const code = problem.status ?? status;
  const known: Record<number, string> = {
    400: "Dữ liệu chưa hợp lệ — xem các trường được đánh dấu.",
    401: "Khoá truy cập không hợp lệ hoặc đã bị thu hồi.",
    403: "Khoá của bạn không có quyền thực hiện thao tác này.",
    404: "Không tìm thấy.",
    409: "Xung đột với dữ liệu đã có.",
    412: "Nội dung đã được người khác thay đổi.",
    413: "Tệp hoặc nội dung quá lớn.",
    415: "Loại tệp không được chấp nhận.",
    422: "Thao tác không hợp lệ với trạng thái hiện tại.",
  };
  const head = (code !== undefined ? known[code] : undefined) ?? problem.title ?? "Có lỗi";
  return problem.detail ? `${head} ${problem.detail}` : head;
}

/** The ETag of a response (for If-Match on the next write). */
export const etagOf = (response: Response): string | undefined => response.headers.get("ETag") ?? undefined;

/** Decides the role of a key: admins may list keys, editors get 403, an unknown key 401. */
export async function roleOfKey(key: string): Promise<Role | "invalid"> {
  const probe = createPortalClient({ baseUrl: window.location.origin, apiKey: key, fetch: resilientFetch as typeof fetch });
  const { response } = await probe.GET("/api/v1/api-keys");
  if (response.status === 401) return "invalid";
  if (response.status === 403) return "editor";
  if (response.ok) return "admin";
  throw new Error(`Máy chủ trả lời ${response.status}`);
}

/** Vietnam has no daylight saving: UTC+7 all year (Asia/Ho_Chi_Minh). */
export const VN_OFFSET = "+07:00";

/** "2026-12-01T08:00" typed in Vietnam time → an ISO instant in UTC. */
export function vietnamLocalToUtc(local: string): string {
  return new Date(`${local.length === 16 ? `${local}:00` : local}${VN_OFFSET}`).toISOString();
}

/** A UTC instant → "2026-12-01T08:00" in Vietnam time (for datetime-local inputs). */
export function utcToVietnamLocal(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

const vnFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  dateStyle: "short",
  timeStyle: "short",
});
/** An instant shown in Vietnam time. */
export const showInstant = (iso: string | null | undefined) => (iso ? vnFormat.format(new Date(iso)) : "—");

export const statusLabels: Record<Schema<"PublicationState">, string> = {
  draft: "Bản nháp",
  scheduled: "Đã lên lịch",
  published: "Đã xuất bản",
  archived: "Lưu trữ",
};
