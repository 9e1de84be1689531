import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { balanceOf, type LedgerProject, type Posting, yearFigures } from "./ledger.ts";
import { type LedgerOperation, type LedgerState, planPosting } from "./operations.ts";
import { verifyLedger } from "./verify.ts";

const project = (
  projectId: string,
  year: number,
  nodes: number[],
  suspendedFrom: string | null = null,
): LedgerProject => ({
  projectId,
  year,
  approvedFen: nodes.reduce((s, n) => s + n, 0),
  nodes: nodes.map((amountFen, i) => ({ code: `N${i + 1}`, amountFen })),
  suspensions: suspendedFrom ? [{ from: suspendedFrom, until: null }] : [],
});
const projects = new Map(
  [
    project("p1", 2026, [600_000, 400_000]),
    project("p2", 2026, [3_000_000]),
    project("p3", 2027, [500_000, 500_000, 1_000_000]),
    project("halted", 2026, [100_000], "2026-01-01T00:00:00.000Z"),
    {
      // suspended for a while, then lifted (LY-FUNDS §25): it pays before and after, never between
      ...project("lifted", 2026, [100_000, 100_000]),
      suspensions: [{ from: "2026-06-01T00:00:10.000Z", until: "2026-06-01T00:00:20.000Z" }],
    },
    // a filing or joint research project: approved, paying nothing
    project("nothing", 2026, []),
  ].map((p) => [p.projectId, p]),
);

/** Names a payment the way a caller would: by the id of one that exists (or none yet). */
function resolve(state: LedgerState, op: LedgerOperation): LedgerOperation {
  if ((op.op !== "return" && op.op !== "recover") || !op.paymentId.startsWith("pay#")) return op;
  const pays = state.postings.filter((p) => p.kind === "pay");
  const n = Number(op.paymentId.slice(4));
  return { ...op, paymentId: pays[n % Math.max(pays.length, 1)]?.id ?? "none" };
}

/** Applies an operation as the server would: a refusal leaves the ledger as it was. */
function apply(
  state: LedgerState,
  op: LedgerOperation,
  key: string,
  n: number,
): { state: LedgerState; code?: string } {
  try {
    const { posting, replayed } = planPosting(state, resolve(state, op), {
      id: `t${n}`,
      idempotencyKey: key,
      at: `2026-06-01T00:00:${String(n % 60).padStart(2, "0")}.000Z`,
    });
    return { state: replayed ? state : { ...state, postings: [...state.postings, posting] } };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { state, code: e.code };
  }
}

const run = (ops: [LedgerOperation, string][]) =>
  ops.reduce<{ state: LedgerState; codes: (string | undefined)[] }>(
    (acc, [op, key], i) => {
      const r = apply(acc.state, op, key, i);
      return { state: r.state, codes: [...acc.codes, r.code] };
    },
    { state: { postings: [], projects }, codes: [] },
  );

const projectId = fc.constantFrom("p1", "p1", "p1", "p2", "p3", "halted", "lifted", "unknown");
// amounts near the nodes' and budgets' own figures, so that sequences pay as often as they are refused
const small = fc.oneof(
  fc.constantFrom(100_000, 400_000, 500_000, 600_000),
  fc.integer({ min: 1, max: 1_200_000 }),
);
const large = fc.constantFrom(1_000_000, 3_000_000, 5_000_000, 10_000_000);
const operation: fc.Arbitrary<LedgerOperation> = fc.oneof(
  fc.record({ op: fc.constant("appropriate" as const), year: fc.constantFrom(2026, 2027), amountFen: large }),
  fc.record({ op: fc.constant("reduce" as const), year: fc.constantFrom(2026, 2027), amountFen: large }),
  fc.record({ op: fc.constant("commit" as const), projectId }),
  fc.record({
    op: fc.constant("pay" as const),
    projectId,
    node: fc.constantFrom("N1", "N2", "N3"),
    amountFen: small,
  }),
  fc.record({
    op: fc.constant("pay" as const),
    projectId,
    node: fc.constantFrom("N1", "N2"),
    amountFen: small,
  }),
  fc.record({ op: fc.constant("release" as const), projectId, amountFen: small }),
  fc.record({
    op: fc.constantFrom("return" as const, "recover" as const),
    // "pay#n": the n-th payment on the ledger when the operation runs (see `resolve`)
    paymentId: fc.integer({ min: 0, max: 9 }).map((n) => `pay#${n}`),
    // at most the smallest node, so that a return matched to any payment can pass
    amountFen: fc.integer({ min: 1, max: 100_000 }),
  }),
);
// keys from a small range, so that retries with the same key (and sometimes another body) happen too
const key = fc.integer({ min: 0, max: 80 }).map((n) => `k${n}`);
const ops = fc.array(fc.tuple(operation, key), { minLength: 5, maxLength: 40 });

describe("the ledger", () => {
  it("keeps every invariant over any sequence of operations, refused ones leaving no trace", () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        const { state } = run(sequence);
        expect(verifyLedger(state.postings, projects)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // the sequences reach every kind of posting, not only refusals
    const kinds = new Set(
      fc
        .sample(ops, { numRuns: 500, seed: 20261205 })
        .flatMap((sequence) => run(sequence).state.postings.map((p) => p.kind)),
    );
    expect([...kinds].sort()).toEqual([
      "appropriate",
      "commit",
      "pay",
      "recover",
      "reduce",
      "release",
      "return",
    ]);
  });

  it("posts once per idempotency key: a retry replays, another body under the same key is refused", () => {
    fc.assert(
      fc.property(ops, operation, (sequence, extra) => {
        const first = run([...sequence, [extra, "retry"]]);
        const again = run([...sequence, [extra, "retry"], [extra, "retry"]]);
        expect(again.state.postings).toEqual(first.state.postings);
        // a refusal is repeated, except where time decides it: the retry runs a second later, and a
        // suspension may have ended in between
        if (!("projectId" in extra && extra.projectId === "lifted"))
          expect(again.codes.at(-1)).toBe(first.codes.at(-1));
      }),
    );
    const paid = run([
      [{ op: "appropriate", year: 2026, amountFen: 5_000_000 }, "a"],
      [{ op: "commit", projectId: "p1" }, "c"],
      [{ op: "pay", projectId: "p1", node: "N1", amountFen: 600_000 }, "pay-1"],
      [{ op: "pay", projectId: "p1", node: "N1", amountFen: 600_000 }, "pay-1"],
      [{ op: "pay", projectId: "p1", node: "N2", amountFen: 400_000 }, "pay-1"],
    ]);
    expect(paid.state.postings).toHaveLength(3);
    expect(paid.codes.slice(3)).toEqual([undefined, "LEDGER_IDEMPOTENCY_MISMATCH"]);
  });

  it("refuses what the rules forbid, each with its reason", () => {
    const { state, codes } = run([
      [{ op: "commit", projectId: "p1" }, "c0"],
      [{ op: "commit", projectId: "nothing" }, "c00"],
      [{ op: "appropriate", year: 2026, amountFen: 1_000_000 }, "a"],
      [{ op: "commit", projectId: "p1" }, "c1"],
      [{ op: "commit", projectId: "p1" }, "c2"],
      [{ op: "pay", projectId: "p1", node: "N1", amountFen: 600_001 }, "p0"],
      [{ op: "pay", projectId: "p1", node: "N1", amountFen: 600_000 }, "p1"],
      [{ op: "pay", projectId: "p1", node: "N1", amountFen: 1 }, "p2"],
      [{ op: "pay", projectId: "halted", node: "N1", amountFen: 1 }, "p3"],
      [{ op: "return", paymentId: "t6", amountFen: 600_001 }, "r0"],
      [{ op: "return", paymentId: "t6", amountFen: 100_000 }, "r1"],
      [{ op: "release", projectId: "p1", amountFen: 400_000 }, "x"],
    ]);
    expect(codes).toEqual([
      "LEDGER_OVER_BUDGET",
      "VALIDATION",
      undefined,
      undefined,
      "LEDGER_ALREADY_COMMITTED",
      "LEDGER_OVER_NODE",
      undefined,
      "LEDGER_NODE_PAID",
      "LEDGER_PROJECT_SUSPENDED",
      "LEDGER_RETURN_UNMATCHED",
      undefined,
      undefined,
    ]);
    expect(yearFigures(state.postings, 2026)).toEqual({
      approvedFen: 1_000_000,
      committedFen: 600_000,
      paidFen: 600_000,
      returnedFen: 100_000,
      availableFen: 400_000,
    });
    expect(balanceOf(state.postings, { kind: "unit", projectId: "p1" })).toBe(500_000);
  });

  it("pays a project before and after a lifted suspension, never while it is in force", () => {
    const steps: [LedgerOperation, string][] = [
      [{ op: "appropriate", year: 2026, amountFen: 1_000_000 }, "a"],
      [{ op: "commit", projectId: "lifted" }, "c"],
      ...Array.from({ length: 20 }, (_, i): [LedgerOperation, string] => [
        { op: "pay", projectId: "lifted", node: "N1", amountFen: 1 },
        `pay${i}`,
      ]),
    ];
    const { codes } = run(steps);
    // the i-th step runs at second i: N1 is paid once at second 2, refusals in 10–19 are the suspension
    expect(codes.slice(10, 20).every((c) => c === "LEDGER_PROJECT_SUSPENDED")).toBe(true);
    expect(codes.slice(3, 10).every((c) => c === "LEDGER_NODE_PAID")).toBe(true);
    const after = run([
      ...steps.slice(0, 2),
      ...Array.from({ length: 20 }, (_, i): [LedgerOperation, string] => [
        { op: "appropriate", year: 2027, amountFen: 1 },
        `filler${i}`,
      ]),
      [{ op: "pay", projectId: "lifted", node: "N2", amountFen: 100_000 }, "late"],
    ]);
    expect(after.codes.at(-1)).toBeUndefined();
  });

  it("finds what bypassed the rules in stored rows", () => {
    const { state } = run([
      [{ op: "appropriate", year: 2026, amountFen: 1_000_000 }, "a"],
      [{ op: "commit", projectId: "p1" }, "c"],
      [{ op: "pay", projectId: "p1", node: "N1", amountFen: 600_000 }, "p"],
    ]);
    const pay = state.postings[2] as Posting;
    const twice = [...state.postings, { ...pay, id: "dup", idempotencyKey: "other" }];
    expect(verifyLedger(twice, projects).map((f) => f.rule)).toEqual(
      expect.arrayContaining(["nodePaidTwice", "paidOverNode", "negativeBalance"]),
    );
    const orphan = [
      ...state.postings,
      {
        ...pay,
        id: "back",
        kind: "return" as const,
        from: pay.to,
        to: { kind: "treasury" as const },
        paymentId: "nowhere",
      },
    ];
    expect(verifyLedger(orphan, projects).map((f) => f.rule)).toContain("returnUnmatched");
    const skewed = [...state.postings, { ...pay, id: "odd", kind: "commit" as const }];
    expect(verifyLedger(skewed, projects).map((f) => f.rule)).toContain("shape");
    const stray = [...state.postings, { ...pay, id: "stray", idempotencyKey: "s", node: "N9" }];
    expect(verifyLedger(stray, projects).map((f) => f.rule)).toContain("unknownNode");
    const replayedRow = [...state.postings, { ...pay, id: "again" }];
    expect(verifyLedger(replayedRow, projects).map((f) => f.rule)).toContain("duplicate");
    const elsewhere = [...state.postings, { ...pay, id: "x", idempotencyKey: "x", projectId: "p2" }];
    expect(verifyLedger(elsewhere, projects).map((f) => f.rule)).toContain("shape");
  });
});
