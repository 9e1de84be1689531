import { taskBookActions } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { ProjectsRepository } from "../decisions/projects.repository.ts";
import type { ExecutionRepository } from "./execution.repository.ts";

/**
 * The projects whose task book waits for the caller: one to draw up (the bureau; not a filed guiding
 * project), or a confirmation or the signed scan still to give.
 */
export async function projectIdsWaitingForTaskBook(
  repos: {
    execution: Pick<ExecutionRepository, "taskBooksOf">;
    projects: Pick<ProjectsRepository, "projectsInScope">;
  },
  ctx: CallerContext,
): Promise<Set<string>> {
  const [rows, books] = await Promise.all([
    repos.projects.projectsInScope(ctx.scope),
    repos.execution.taskBooksOf(ctx.actor.cityId ?? ""),
  ]);
  const byProject = new Map(books.map((b) => [b.projectId, b]));
  const officer = ctx.actor.roles.includes("programOfficer");
  return new Set(
    rows
      .filter(({ p }) => {
        const tb = byProject.get(p.id);
        if (!tb) return officer && p.origin !== "filing";
        return taskBookActions(tb, ctx.actor.roles).length > 0;
      })
      .map(({ p }) => p.id),
  );
}
