import { type ExpertSelfFields, normaliseKeywords } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { expertNotFound } from "./expert-errors.ts";
import type { ExpertsRepository } from "./experts.repository.ts";
import { type ExpertReadDeps, getOwnExpert } from "./read-experts.ts";

/** An expert changes their own keywords, availability and contact; nothing else of the profile. */
export async function updateOwnExpert(
  deps: ExpertReadDeps & {
    tx: Transactor<{ experts: Pick<ExpertsRepository, "findByUser" | "lock" | "updateSelf"> }>;
  },
  input: { ctx: CallerContext; changes: Partial<ExpertSelfFields> },
) {
  const { ctx } = input;
  const changes = { ...input.changes };
  if (changes.keywords) changes.keywords = normaliseKeywords(changes.keywords);
  if (changes.availability)
    changes.availability = [...changes.availability].sort((a, b) => a.from.localeCompare(b.from));
  await deps.tx.run(ctx, async ({ experts }, audit) => {
    const before = await experts.findByUser(ctx.scope, ctx.actor.userId);
    if (!before) throw expertNotFound();
    await experts.lock(before.cityId, before.id);
    await experts.updateSelf(before, { ...changes, updatedAt: ctx.now });
    const pick = (e: Partial<ExpertSelfFields>) => ({
      keywords: e.keywords,
      availability: e.availability,
      phone: e.phone,
      email: e.email,
    });
    audit({
      action: "expert.updateOwn",
      entityType: "expert",
      entityId: before.id,
      cityId: before.cityId,
      before: pick(before),
      after: pick({ ...before, ...changes }),
    });
  });
  return getOwnExpert(deps, { ctx });
}
