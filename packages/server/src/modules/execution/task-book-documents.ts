import { notFound } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { DocumentRenderer } from "../../lib/documents/render-pool.ts";
import { type ExecutionDeps, visibleProject } from "./task-books.ts";

const triggerLabels = {
  taskBookSigned: "任务书签订后",
  midTermPassed: "期中评估通过后",
  accepted: "验收通过后",
  graded: "绩效评价后",
};

type Deps = Pick<ExecutionDeps, "repos" | "policies"> & { documents: DocumentRenderer };
type Input = { ctx: CallerContext; projectId: string };

/** The drawn task book as a document, rendered off the request thread. */
async function render(deps: Deps, input: Input, kind: "taskBookPdf" | "taskBookDocx") {
  const { p } = await visibleProject(deps.repos, deps.policies, input.ctx, input.projectId);
  const tb = await deps.repos.execution.taskBook(p.cityId, p.id);
  if (!tb) throw notFound("该项目尚未拟定任务书。", "The project has no task book yet.");
  return deps.documents.render(kind, { content: tb.content, triggerLabels, generatedAt: input.ctx.now });
}

export const taskBookPdf = (deps: Deps, input: Input) => render(deps, input, "taskBookPdf");
export const taskBookDocx = (deps: Deps, input: Input) => render(deps, input, "taskBookDocx");
