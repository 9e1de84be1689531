import type { ClosureWaitingDto } from "@luoshu/contract";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { closureDto } from "./life-view.ts";

/** 待审定的终止申请: the city's termination applications waiting for the bureau, oldest first. */
export async function closuresWaiting(
  deps: { repos: Pick<Repositories, "projectLife" | "execution"> },
  ctx: CallerContext,
): Promise<ClosureWaitingDto[]> {
  const rows = await deps.repos.projectLife.closuresWaiting(ctx.actor.cityId ?? "");
  const names = await deps.repos.execution.displayNames(rows.map((r) => r.c.requestedBy));
  return rows.map(({ c, number, title }) => ({
    projectId: c.projectId,
    number,
    title,
    closure: closureDto(c, [], names),
  }));
}
