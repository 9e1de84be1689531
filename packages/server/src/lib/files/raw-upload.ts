import { DomainError } from "@luoshu/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";

/** Uploads are the file's raw bytes only: a JSON, text or form body is refused before it is parsed. */
export async function rawBytesOnly(request: FastifyRequest) {
  const type = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/octet-stream") {
    throw new DomainError({
      code: "UNSUPPORTED_MEDIA_TYPE",
      messageZh: `请以文件的原始字节上传（Content-Type: application/octet-stream），收到的是：${type || "无"}。`,
      messageEn: `Upload the file's raw bytes (Content-Type: application/octet-stream); got: ${type || "none"}.`,
    });
  }
}

/** An empty body is not parsed at all: it reaches the use case as an empty file. */
export const bytesOf = (request: FastifyRequest) =>
  Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);

/** Raw bytes up to a little past `maxBytes`, so the use case answers a file over it with its own message. */
export function acceptRawBytes(app: FastifyInstance, maxBytes: number) {
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: maxBytes + 64 * 1024 },
    (_req, body, done) => done(null, body),
  );
}
