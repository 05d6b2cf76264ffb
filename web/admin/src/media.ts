import { api, type Schema } from "./api";
import { must } from "./forms";

/** Uploads an image (JPEG, PNG, WebP, GIF) to /media; the server checks the bytes (415/413/400 naming 'file'). */
export async function uploadMedia(file: File): Promise<Schema<"MediaResponse">> {
  const body = new FormData();
  body.append("file", file, file.name);
  const result = await api.POST("/api/v1/media", {
    // openapi-fetch sends FormData as it is; the type describes the multipart fields.
    body: body as unknown as never,
    bodySerializer: (b: unknown) => b as FormData,
  });
  return must(result);
}
