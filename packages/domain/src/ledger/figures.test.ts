import { describe, expect, it } from "vitest";
import { projectFigures } from "./figures.ts";
import type { Account, Posting, PostingKind } from "./ledger.ts";

let n = 0;
const posting = (
  kind: PostingKind,
  from: Account,
  to: Account,
  amountFen: number,
  projectId: string | null,
): Posting => ({
  id: `t${++n}`,
  kind,
  from,
  to,
  amountFen,
  year: 2026,
  projectId,
  node: kind === "pay" ? "N1" : null,
  paymentId: kind === "return" || kind === "recover" ? "pay" : null,
  idempotencyKey: `k${n}`,
  request: "{}",
  at: "2026-06-01T00:00:00.000Z",
});

const treasury: Account = { kind: "treasury" };
const budget: Account = { kind: "budget", year: 2026 };
const commitment = (projectId: string): Account => ({ kind: "commitment", projectId });
const unit = (projectId: string): Account => ({ kind: "unit", projectId });

const postings = [
  posting("appropriate", treasury, budget, 5_000_000, null),
  posting("commit", budget, commitment("p1"), 1_000_000, "p1"),
  posting("pay", commitment("p1"), unit("p1"), 600_000, "p1"),
  posting("release", commitment("p1"), budget, 100_000, "p1"),
  posting("return", unit("p1"), treasury, 50_000, "p1"),
  posting("recover", unit("p1"), treasury, 20_000, "p1"),
  // another project's money counts for it alone
  posting("commit", budget, commitment("p2"), 2_000_000, "p2"),
  posting("pay", commitment("p2"), unit("p2"), 700_000, "p2"),
];

describe("a project's figures", () => {
  it("sums its own postings: committed less released, paid, given back, and what is left to pay", () => {
    expect(projectFigures(postings, "p1")).toEqual({
      committedFen: 900_000,
      paidFen: 600_000,
      returnedFen: 70_000,
      leftFen: 300_000,
    });
    expect(projectFigures(postings, "p2")).toEqual({
      committedFen: 2_000_000,
      paidFen: 700_000,
      returnedFen: 0,
      leftFen: 1_300_000,
    });
  });

  it("is all zero for a project without postings", () => {
    expect(projectFigures(postings, "none")).toEqual({
      committedFen: 0,
      paidFen: 0,
      returnedFen: 0,
      leftFen: 0,
    });
    expect(projectFigures([], "p1").leftFen).toBe(0);
  });
});
