import type { NeedState } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { NeedsRepository } from "./needs.repository.ts";

/** The city's collected needs; `status=accepted` is the needs list guides cite. */
export function listNeeds(
  deps: { repos: { needs: Pick<NeedsRepository, "list"> } },
  input: { ctx: CallerContext; status?: NeedState; page: number; pageSize: number },
) {
  return deps.repos.needs.list(input.ctx.scope, { status: input.status }, input.page, input.pageSize);
}
