import { randomUUID } from "node:crypto";
import {
  citeSource,
  DomainError,
  type LedgerOperation,
  type LedgerProject,
  type Policy,
  type Posting,
  planPosting,
} from "@luoshu/domain";
import type { LedgerRepository } from "./ledger.repository.ts";

/**
 * One money operation as a posting: the city's ledger locked, the operation checked against the
 * postings of its year as they stand, then written — or, under a key used before, the earlier posting
 * replayed. Runs inside the caller's transaction, so the posting commits with the change it pays for.
 */
export async function postToLedger(
  repos: { ledger: LedgerRepository },
  input: {
    cityId: string;
    policy: Policy;
    by: string;
    now: Date;
    op: LedgerOperation;
    idempotencyKey: string;
    /** The project a project operation concerns, as the ledger sees it. */
    project?: LedgerProject;
    /** The posting's id: a payment's posting has the payment's id. */
    id?: string;
  },
): Promise<{ posting: Posting; replayed: boolean }> {
  const { op, project } = input;
  const year = "year" in op ? op.year : project?.year;
  if (year === undefined) throw new Error(`ledger operation ${op.op} needs its project`);
  await repos.ledger.lock(input.cityId);
  const postings = await repos.ledger.postingsFor(input.cityId, year, input.idempotencyKey);
  if (op.op === "commit" && !postings.some((p) => p.kind === "appropriate" && p.year === year)) {
    const source = citeSource(input.policy.decision.budgetControl.source);
    throw new DomainError({
      code: "LEDGER_NO_BUDGET",
      ...("clause" in source ? { clause: source.clause } : { setting: "city" as const }),
      details: { year },
    });
  }
  const planned = planPosting(
    { postings, projects: new Map(project ? [[project.projectId, project]] : []) },
    op,
    { id: input.id ?? randomUUID(), idempotencyKey: input.idempotencyKey, at: input.now.toISOString() },
  );
  if (!planned.replayed) await repos.ledger.insert(input.cityId, input.by, planned.posting);
  return planned;
}
