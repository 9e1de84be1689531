import { z } from "zod";

/** Shared pieces of request and response schemas. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const idParams = z.object({ id: z.uuid() }).strict();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

export const okSchema = z.object({ ok: z.literal(true) });
