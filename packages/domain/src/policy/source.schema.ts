import { z } from "zod";

/**
 * Where a rule comes from: a clause of a source document, quoted, or a value the city sets where the
 * documents are silent. Every part of a policy file cites one.
 */
export const docCode = z.string().regex(/^[A-Z]+(-[A-Z]+)*$/, "expected a document code such as LY-FUNDS");
export const camelCode = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, "expected a camelCase code such as softScience");
export const text = z.string().trim().min(1);
/** Money in fen: an integer, never a float, and never beyond what a double holds exactly. */
export const fen = z.int().min(0);
/** Rates in basis points (1 bp = 0.01 %), so 30 % is 3000 and rates stay integers. */
export const basisPoints = z.int().min(0).max(10_000);

export const clauseSourceSchema = z.strictObject({
  kind: z.literal("clause"),
  doc: docCode,
  clause: z.string().regex(/^§\S+$/, "expected a clause such as §16 or §三(四)2"),
  textZh: text,
});

export const citySettingSourceSchema = z.strictObject({
  kind: z.literal("citySetting"),
  noteZh: text,
  noteEn: text,
});

export const sourceSchema = z.discriminatedUnion("kind", [clauseSourceSchema, citySettingSourceSchema]);
export type ClauseSource = z.infer<typeof clauseSourceSchema>;
export type Source = z.infer<typeof sourceSchema>;

/** `LY-REFORM §三(四)2` for a clause; null for a city setting, which no document backs. */
export function citationOf(source: Source): string | null {
  return source.kind === "clause" ? `${source.doc} ${source.clause}` : null;
}

/** What a violation says of its rule's source: the clause it cites, or that the city set it. */
export function citeSource(source: Source): { clause: string } | { setting: "city" } {
  return source.kind === "clause" ? { clause: `${source.doc} ${source.clause}` } : { setting: "city" };
}
