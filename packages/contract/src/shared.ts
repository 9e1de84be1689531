import { cityCodeSchema } from "@luoshu/domain";
import { z } from "zod";

/** Pieces every area's schemas share: paging, ids, the empty acknowledgement. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const idParams = z.object({ id: z.uuid() }).strict();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const okSchema = z.object({ ok: z.literal(true) });

/** An instant as the API writes it: ISO 8601 in UTC (shown in Asia/Shanghai by the web). */
export const instant = z.string();

/** A city as the policy files name it; which codes exist is known only at run time. */
export const cityCode = cityCodeSchema;

/** What a rule's outcome cites: the clause of a document, or that the city set it. */
export const citation = z.object({ clause: z.string().optional(), setting: z.literal("city").optional() });

/** Text as typed, trimmed, within its bounds. */
export const longText = (min: number, max: number) => z.string().trim().min(min).max(max);
