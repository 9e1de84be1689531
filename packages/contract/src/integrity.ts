import { calendarDateSchema, integrityKinds } from "@luoshu/domain";
import { z } from "zod";
import { instant } from "./shared.ts";

export const integrityRecordSchema = z.object({
  id: z.string(),
  subject: z.enum(["unit", "person"]),
  unitId: z.string().nullable(),
  unitNameZh: z.string().nullable(),
  personName: z.string().nullable(),
  kind: z.enum(integrityKinds),
  fromDate: z.string(),
  untilDate: z.string().nullable(),
  reason: z.string(),
  clause: z.string(),
  /** In force today (China time), and not lifted. */
  inForce: z.boolean(),
  lifted: z.object({ at: instant, reason: z.string() }).nullable(),
  /** The project sanction or revocation that left it, if any. */
  originId: z.string().nullable(),
  /** In force and of a kind that stops applications (eligibility ban, blacklist). */
  blocksApplications: z.boolean(),
  createdAt: instant,
});
export type IntegrityRecordDto = z.infer<typeof integrityRecordSchema>;

const common = {
  kind: z.enum(integrityKinds),
  fromDate: calendarDateSchema,
  untilDate: calendarDateSchema.nullable(),
  reason: z.string().trim().min(2).max(2000),
  clause: z.string().trim().min(2).max(100),
};
export const integrityRecordBody = z.discriminatedUnion("subject", [
  z.object({ subject: z.literal("unit"), unitId: z.uuid(), ...common }).strict(),
  z
    .object({
      subject: z.literal("person"),
      personName: z.string().trim().min(1).max(50),
      /** Kept only as a keyed digest, so a later application by the same person is found. */
      idNumber: z.string().trim().max(18),
      ...common,
    })
    .strict(),
]);
export type IntegrityRecordBody = z.input<typeof integrityRecordBody>;

/** Lifting a record by a recorded decision, with its reason. */
export const integrityLiftBody = z.object({ reason: z.string().trim().min(2).max(2000) }).strict();
