import type { CallerContext } from "../../lib/context.ts";
import type { IntegrityRepository } from "./integrity.repository.ts";

/** The city's integrity records, newest first. */
export function listIntegrityRecords(
  deps: { repos: { integrity: Pick<IntegrityRepository, "list"> } },
  input: { ctx: CallerContext },
) {
  return deps.repos.integrity.list(input.ctx.scope);
}
