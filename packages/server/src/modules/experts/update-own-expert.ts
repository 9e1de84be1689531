import { chinaDateOf, DomainError, type ExpertSelfFields, normaliseKeywords } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { expertNotFound } from "./expert-errors.ts";
import type { ExpertsRepository } from "./experts.repository.ts";
import { type ExpertReadDeps, getOwnExpert } from "./read-experts.ts";

/** An expert changes their own keywords, availability and contact; nothing else of the profile. */
export async function updateOwnExpert(
  deps: ExpertReadDeps & {
    tx: Transactor<{
      experts: Pick<ExpertsRepository, "findByUser" | "lock" | "updateSelf" | "unitsByUscc">;
    }>;
  },
  input: {
    ctx: CallerContext;
    changes: Partial<Omit<ExpertSelfFields, "formerUnits">> & {
      formerUnits?: { uscc: string; leftOn: string }[];
    };
  },
) {
  const { ctx } = input;
  const { formerUnits: named, ...rest } = input.changes;
  const changes: Partial<ExpertSelfFields> = { ...rest };
  if (changes.keywords) changes.keywords = normaliseKeywords(changes.keywords);
  if (changes.availability)
    changes.availability = [...changes.availability].sort((a, b) => a.from.localeCompare(b.from));
  await deps.tx.run(ctx, async ({ experts }, audit) => {
    const before = await experts.findByUser(ctx.scope, ctx.actor.userId);
    if (!before) throw expertNotFound();
    await experts.lock(before.cityId, before.id);
    if (named) changes.formerUnits = await formerUnitsOf(experts, before.cityId, named, chinaDateOf(ctx.now));
    await experts.updateSelf(before, { ...changes, updatedAt: ctx.now });
    const pick = (e: Partial<ExpertSelfFields>) => ({
      keywords: e.keywords,
      formerUnits: e.formerUnits,
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

/**
 * The units an expert names as former workplaces, by credit code: each must be a unit of the city
 * (a conflict is only ever found against a unit that applies here), left on a day not in the future.
 */
async function formerUnitsOf(
  experts: Pick<ExpertsRepository, "unitsByUscc">,
  cityId: string,
  named: { uscc: string; leftOn: string }[],
  today: string,
) {
  const known = await experts.unitsByUscc(cityId);
  return named.map((f, i) => {
    const unit = known.get(f.uscc);
    if (!unit) {
      throw new DomainError({
        code: "VALIDATION",
        messageZh: "本市没有该统一社会信用代码的单位。",
        messageEn: "No unit of the city has this credit code.",
        path: `formerUnits.${i}.uscc`,
      });
    }
    if (f.leftOn > today) {
      throw new DomainError({
        code: "VALIDATION",
        messageZh: "离开日期不能晚于今天。",
        messageEn: "The day you left cannot be in the future.",
        path: `formerUnits.${i}.leftOn`,
      });
    }
    return { unitId: unit.id, uscc: f.uscc, unitName: unit.nameZh, leftOn: f.leftOn };
  });
}
