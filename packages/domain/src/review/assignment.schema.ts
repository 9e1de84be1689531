import { z } from "zod";
import type { AssignmentInstance } from "./assignment.types.ts";

/**
 * The CLI's instance file (`npm run assign -- --in instance.json`), validated before solving so a
 * bad file gets a message naming the field, never a solver error deep inside. Shapes first, then
 * the cross-field rules (row lengths, indices in range, minLoad ≤ maxLoad), each with its path.
 */
const id = z.union([z.string().min(1), z.number().finite()]);
const count = z.number().int().nonnegative();

export const assignmentInstanceSchema = z
  .object({
    reviewersPerApplication: z.number().int().positive(),
    minLoad: count,
    maxLoad: count,
    applications: z.array(z.object({ id, unitIds: z.array(z.string().min(1)) })),
    experts: z.array(z.object({ id, unitId: z.string().min(1) })),
    affinity: z.array(z.array(z.number().finite())),
    conflicts: z.array(z.tuple([count, count])),
  })
  .superRefine((value, ctx) => {
    if (value.minLoad > value.maxLoad)
      ctx.addIssue({
        code: "custom",
        path: ["minLoad"],
        message: `minLoad ${value.minLoad} is above maxLoad ${value.maxLoad}`,
      });
    const n = value.applications.length;
    const m = value.experts.length;
    if (value.affinity.length !== n)
      ctx.addIssue({
        code: "custom",
        path: ["affinity"],
        message: `${value.affinity.length} rows for ${n} applications`,
      });
    value.affinity.forEach((row, i) => {
      if (row.length !== m)
        ctx.addIssue({
          code: "custom",
          path: ["affinity", i],
          message: `${row.length} numbers for ${m} experts`,
        });
    });
    value.conflicts.forEach(([i, j], c) => {
      if (i >= n)
        ctx.addIssue({
          code: "custom",
          path: ["conflicts", c, 0],
          message: `no application ${i} (there are ${n})`,
        });
      if (j >= m)
        ctx.addIssue({
          code: "custom",
          path: ["conflicts", c, 1],
          message: `no expert ${j} (there are ${m})`,
        });
    });
    const seen = new Set<string>();
    value.applications.forEach((a, i) => {
      const key = `${typeof a.id}:${a.id}`;
      if (seen.has(key))
        ctx.addIssue({ code: "custom", path: ["applications", i, "id"], message: `duplicate id ${a.id}` });
      seen.add(key);
    });
    seen.clear();
    value.experts.forEach((e, j) => {
      const key = `${typeof e.id}:${e.id}`;
      if (seen.has(key))
        ctx.addIssue({ code: "custom", path: ["experts", j, "id"], message: `duplicate id ${e.id}` });
      seen.add(key);
    });
  });

/** The instance, or one line per problem ("affinity.3: 4 numbers for 5 experts"). */
export function parseAssignmentInstance(
  input: unknown,
): { ok: true; instance: AssignmentInstance } | { ok: false; problems: string[] } {
  const parsed = assignmentInstanceSchema.safeParse(input);
  if (parsed.success) return { ok: true, instance: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `${issue.path.length ? issue.path.join(".") : "(file)"}: ${issue.message}`,
    ),
  };
}
