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

export const auditListQuery = z.object(pageQuery).strict();
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
