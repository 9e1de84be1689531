import type { TaskBookTemplateDto } from "@luoshu/contract";
import { defaultTaskBookTerms, type TaskBookTerm } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { policyInForce } from "../decisions/decision-shared.ts";
import type { ExecutionDeps } from "./task-books.ts";

/** 任务书模板: the terms task books are drawn with — the bureau's own, or its policy file's. */
export async function readTaskBookTemplate(
  deps: Pick<ExecutionDeps, "repos" | "policies">,
  ctx: CallerContext,
): Promise<TaskBookTemplateDto> {
  const defaults = defaultTaskBookTerms(policyInForce(deps.policies, ctx).policy);
  const own = await deps.repos.execution.template(ctx.actor.cityId ?? "");
  const names = own ? await deps.repos.execution.displayNames([own.updatedBy]) : new Map<string, string>();
  return {
    terms: own?.terms ?? defaults,
    edited: own ? { at: own.updatedAt.toISOString(), byName: names.get(own.updatedBy) ?? "" } : null,
    defaults,
  };
}

/** The bureau edits its terms; task books drawn before keep theirs. */
export async function saveTaskBookTemplate(
  deps: ExecutionDeps,
  input: { ctx: CallerContext; terms: TaskBookTerm[] },
): Promise<TaskBookTemplateDto> {
  const { ctx } = input;
  const cityId = ctx.actor.cityId ?? "";
  await deps.tx.run(ctx, async (repos, audit) => {
    const before = await repos.execution.template(cityId);
    await repos.execution.putTemplate(cityId, input.terms, ctx.actor.userId, ctx.now);
    audit({
      action: "taskBook.template",
      entityType: "taskBookTemplate",
      entityId: cityId,
      cityId,
      before: { terms: before?.terms.length ?? null },
      after: { terms: input.terms.length },
    });
  });
  return readTaskBookTemplate(deps, ctx);
}
