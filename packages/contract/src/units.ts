import { unitKinds } from "@luoshu/domain";
import { z } from "zod";
import { cityCode, instant, pageOf, pageQuery } from "./shared.ts";

export const unitSchema = z.object({
  id: z.string(),
  cityCode,
  uscc: z.string(),
  nameZh: z.string(),
  kind: z.enum(unitKinds),
  districtCode: z.string(),
  districtNameZh: z.string().nullable(),
  legalRepresentative: z.string(),
  createdAt: instant,
});
export type UnitDto = z.infer<typeof unitSchema>;

const unitFields = {
  uscc: z.string().trim().toUpperCase().length(18, "统一社会信用代码应为18位"),
  nameZh: z.string().trim().min(2).max(100),
  kind: z.enum(unitKinds),
  districtCode: z.string().regex(/^\d{6}$/),
  legalRepresentative: z.string().trim().min(2).max(50),
};

/** Platform administrators name the city; everyone else registers in their own. */
export const unitCreateBody = z.object({ ...unitFields, cityCode: cityCode.optional() }).strict();
export type UnitCreateBody = z.input<typeof unitCreateBody>;

export const unitUpdateBody = z.object(unitFields).partial().strict();
export type UnitUpdateBody = z.input<typeof unitUpdateBody>;

export const unitListQuery = z
  .object({
    ...pageQuery,
    keyword: z.string().max(100).optional(),
    kind: z.enum(unitKinds).optional(),
    district: z.string().max(12).optional(),
    /** Platform administrators only; everyone else is held to their own city by their scope. */
    city: z.string().max(32).optional(),
  })
  .strict();
export type UnitListQuery = z.output<typeof unitListQuery>;

export const unitPage = pageOf(unitSchema);
