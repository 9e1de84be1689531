import { instantSchema } from "@luoshu/domain";
import { z } from "zod";
import { instant, pageOf, pageQuery } from "./shared.ts";

/** An audit record: what changed, by whom, as JSON before and after. */
export const auditEntrySchema = z.object({
  seq: z.number(),
  at: instant,
  cityId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** Whatever the change recorded: any JSON value. */
  before: z.json().nullable(),
  after: z.json().nullable(),
  ip: z.string().nullable(),
  chainPos: z.number().nullable(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

/** An instant with its offset, as the web sends a picked time (e.g. 2026-03-01T00:00:00+08:00), in the platform's years. */
const at = instantSchema;

/** Who did what to which kind of record, and when: the same filters for the page and the export. */
export const auditListFilter = z
  .object({
    /** The actor's username, exactly. */
    actor: z.string().trim().min(1).max(64).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    entityType: z.string().trim().min(1).max(64).optional(),
    /** From this instant, inclusive. */
    from: at.optional(),
    /** Before this instant. */
    to: at.optional(),
  })
  .strict();
export type AuditListFilter = z.output<typeof auditListFilter>;
export const auditListQuery = auditListFilter.extend(pageQuery);
export type AuditListQuery = z.output<typeof auditListQuery>;
export const auditPage = pageOf(auditEntrySchema);

export const auditVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBroken: z.object({ seq: z.number(), reason: z.string() }).optional(),
  unsealed: z.number(),
  oldestUnsealedAt: instant.nullable(),
});
export type AuditVerdictDto = z.infer<typeof auditVerdictSchema>;
