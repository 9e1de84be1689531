import { randomInt } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  type AssignmentInstance,
  checkAssignmentCertificate,
  describeInfeasibility,
  type IndexPair,
  type InfeasibilityReason,
  parseAssignmentInstance,
  solveAssignment,
  solveRandomizedAssignment,
} from "@luoshu/domain";

/**
 * npm run assign -- --in instance.json --out result.json [--random q --seed s]
 *
 * Solves a reviewer-assignment instance (format in the README and AssignmentInstance) so that anyone
 * can check the solver against another one. Exact mode writes the optimal pairs, the objective and
 * whether the optimality certificate verified over every pair; --random q draws an assignment with
 * no pair above probability q and the best expected affinity, reproducible from the seed (one is
 * chosen and written out when none is given). Exit 0 on success, 1 when no assignment exists (the
 * reasons on stderr), 2 for a bad command line or file.
 */
const usage = "usage: npm run assign -- --in instance.json --out result.json [--random q] [--seed s]";

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let args: { in?: string; out?: string; random?: string; seed?: string };
try {
  args = parseArgs({
    options: {
      in: { type: "string" },
      out: { type: "string" },
      random: { type: "string" },
      seed: { type: "string" },
    },
  }).values;
} catch (e) {
  fail(`${(e as Error).message}\n${usage}`, 2);
}
if (!args.in || !args.out) fail(usage, 2);

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(args.in, "utf8"));
} catch (e) {
  fail(`cannot read ${args.in} as JSON: ${(e as Error).message}`, 2);
}
const parsed = parseAssignmentInstance(raw);
if (!parsed.ok)
  fail(`${args.in} is not a valid instance:\n  ${parsed.problems.slice(0, 50).join("\n  ")}`, 2);
const instance: AssignmentInstance = parsed.instance;

const ids = (pairs: readonly IndexPair[]) =>
  pairs.map(([i, j]) => [instance.applications[i]?.id, instance.experts[j]?.id] as const);

function infeasible(reasons: readonly InfeasibilityReason[]): never {
  const lines = reasons.slice(0, 50).map((r) => `  ${describeInfeasibility(instance, r)}`);
  if (reasons.length > 50) lines.push(`  … and ${reasons.length - 50} more`);
  fail(`no feasible assignment:\n${lines.join("\n")}`, 1);
}

const started = performance.now();
if (args.random !== undefined) {
  const q = Number(args.random);
  if (!(q > 0 && q <= 1)) fail(`--random takes a probability cap q in (0, 1], not ${args.random}`, 2);
  const seed = args.seed === undefined ? randomInt(2 ** 31) : Number(args.seed);
  if (!Number.isSafeInteger(seed)) fail(`--seed takes an integer, not ${args.seed}`, 2);
  const result = solveRandomizedAssignment(instance, { q, seed });
  if (!result.feasible) infeasible(result.reasons);
  writeFileSync(
    args.out,
    `${JSON.stringify({
      pairs: ids(result.pairs),
      objective: result.objective,
      // The draw is optimal in expectation, not a certified optimum of the exact problem.
      certified: false,
      mode: "random",
      q: result.q,
      seed: result.seed,
      expectedObjective: result.expectedObjective,
    })}\n`,
  );
  console.log(
    `drew ${result.pairs.length} pairs (q ${result.q}, seed ${result.seed}): objective ${result.objective}, expected ${result.expectedObjective}, ${Math.round(performance.now() - started)} ms`,
  );
} else {
  const result = solveAssignment(instance);
  if (!result.feasible) infeasible(result.reasons);
  const check = checkAssignmentCertificate(instance, result.pairs, result.certificate, {
    claimedObjective: result.objective,
  });
  writeFileSync(
    args.out,
    `${JSON.stringify({ pairs: ids(result.pairs), objective: result.objective, certified: check.ok })}\n`,
  );
  console.log(
    `assigned ${result.pairs.length} pairs: objective ${result.objective}, certificate ${check.ok ? "verified" : "REJECTED"} over ${check.pairsChecked} pairs, ${Math.round(performance.now() - started)} ms`,
  );
  if (!check.ok) fail(`certificate rejected:\n  ${check.violations.join("\n  ")}`, 3);
}
