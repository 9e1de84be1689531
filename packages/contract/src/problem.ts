import { errorCodes, ruleSettings } from "@luoshu/domain";
import { z } from "zod";

/** One field's problem in a validation answer (`path` like `team.0.idNumber`). */
export const issueSchema = z.object({
  path: z.string(),
  code: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
  /** The clause a rule violation cites, or where no clause backs it, the setting it applies. */
  clause: z.string().optional(),
  setting: z.enum(ruleSettings).optional(),
});
export type IssueDto = z.infer<typeof issueSchema>;

/**
 * Every error answer (application/problem+json): the catalogue's code with both messages, the field
 * for input errors, the clause for rule violations, and what the code adds (`details.violations`
 * for refused submissions, `details.lockedUntil` for locked accounts).
 */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.enum(errorCodes),
  messageZh: z.string(),
  messageEn: z.string(),
  path: z.string().optional(),
  clause: z.string().optional(),
  /** Where no clause backs the rule: the city's or the guide's own setting. */
  setting: z.enum(ruleSettings).optional(),
  issues: z.array(issueSchema).optional(),
  details: z.record(z.string(), z.json()).optional(),
});
export type ProblemDto = z.infer<typeof problemSchema>;
