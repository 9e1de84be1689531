import {
  type AssignmentInstance,
  checkAssignmentCertificate,
  describeInfeasibility,
  type IndexPair,
  solveAssignment,
  solveRandomizedAssignment,
} from "@luoshu/domain";

/** What a solve answers: the pairs by index, or why no assignment exists, in words. */
export type AssignmentOutcome =
  | {
      feasible: true;
      pairs: IndexPair[];
      objective: number;
      certified: boolean;
      seed: number | null;
      q: number | null;
    }
  | { feasible: false; reasons: string[] };

/**
 * A reviewer assignment solved on the render pool's threads, so that a large call's solve never
 * holds the request thread: the exact optimum with its certificate checked over every pair, or
 * the randomized draw (capped pair probabilities, recorded seed). Answers JSON bytes.
 */
export function solveReviewAssignment(input: {
  instance: AssignmentInstance;
  random: { q: number; seed: number } | null;
}): Buffer {
  const { instance, random } = input;
  let outcome: AssignmentOutcome;
  if (random) {
    const r = solveRandomizedAssignment(instance, random);
    outcome = r.feasible
      ? {
          feasible: true,
          pairs: [...r.pairs],
          objective: r.objective,
          certified: false,
          seed: r.seed,
          q: r.q,
        }
      : { feasible: false, reasons: r.reasons.map((x) => describeInfeasibility(instance, x)) };
  } else {
    const r = solveAssignment(instance);
    if (r.feasible) {
      const check = checkAssignmentCertificate(instance, r.pairs, r.certificate, {
        claimedObjective: r.objective,
      });
      outcome = {
        feasible: true,
        pairs: [...r.pairs],
        objective: r.objective,
        certified: check.ok,
        seed: null,
        q: null,
      };
    } else {
      outcome = { feasible: false, reasons: r.reasons.map((x) => describeInfeasibility(instance, x)) };
    }
  }
  return Buffer.from(JSON.stringify(outcome));
}
