import { randomUUID } from "node:crypto";
import { type Policy, yearFigures } from "@luoshu/domain";
import type { LedgerRepository } from "./ledger.repository.ts";
import { postToLedger } from "./post-to-ledger.ts";

/**
 * The year's budget account brought to the approved figure: the difference is appropriated, or
 * given back when the figure is lower (refused below what projects have committed). Setting the same
 * figure again posts nothing, so the finance bureau's form is safe to submit twice.
 */
export async function appropriate(
  repos: { ledger: LedgerRepository },
  at: { cityId: string; policy: Policy; by: string; now: Date },
  figure: { year: number; amountFen: number },
): Promise<void> {
  await repos.ledger.lock(at.cityId);
  const postings = await repos.ledger.postingsFor(at.cityId, figure.year);
  const delta = figure.amountFen - yearFigures(postings, figure.year).approvedFen;
  if (delta === 0) return;
  await postToLedger(repos, {
    ...at,
    op:
      delta > 0
        ? { op: "appropriate", year: figure.year, amountFen: delta }
        : { op: "reduce", year: figure.year, amountFen: -delta },
    idempotencyKey: `budget:${figure.year}:${randomUUID()}`,
  });
}
