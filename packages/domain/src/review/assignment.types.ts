/**
 * The reviewer assignment problem (评审分配) as data: the CLI's instance format, the solver's result
 * and the optimality certificate. Indices are positions in `applications` and `experts`.
 */

export type AssignmentId = string | number;

export interface AssignmentInstance {
  /** k: every application gets exactly this many reviewers. */
  readonly reviewersPerApplication: number;
  /** Every expert gets at least minLoad and at most maxLoad applications. */
  readonly minLoad: number;
  readonly maxLoad: number;
  /** Each application with its units: the applicant and the partners. */
  readonly applications: readonly { readonly id: AssignmentId; readonly unitIds: readonly string[] }[];
  readonly experts: readonly { readonly id: AssignmentId; readonly unitId: string }[];
  /** affinity[i][j]: application i, expert j (a row per application, in the experts' order). */
  readonly affinity: readonly ArrayLike<number>[];
  /** [applicationIndex, expertIndex] pairs never to be assigned (besides same-unit pairs). */
  readonly conflicts: readonly (readonly [number, number])[];
}

/** A pair as indices: [applicationIndex, expertIndex]. */
export type IndexPair = readonly [number, number];

/**
 * Dual prices of the assignment LP
 *   max Σ a_ij x_ij  s.t.  Σ_j x_ij = k (price u_i),  minLoad ≤ Σ_i x_ij ≤ maxLoad (price p_j),
 *   Σ_{j of unit v} x_ij ≤ 1 (price g_iv ≥ 0),  x ≥ 0,  x_ij = 0 on conflicted pairs.
 * Optimal when, for every non-conflicted pair, u_i + p_j + g_{i,unit(j)} ≥ a_ij with equality on
 * assigned pairs; p_j > 0 only for experts at maxLoad and p_j < 0 only at minLoad; g_iv > 0 only
 * where application i has an expert of unit v. A unit price not listed is 0.
 */
export interface AssignmentCertificate {
  readonly applicationPrices: ArrayLike<number>;
  readonly expertPrices: ArrayLike<number>;
  /** [applicationIndex, unitId, price]. */
  readonly unitPrices: readonly (readonly [number, string, number])[];
}

export type InfeasibilityReason =
  | {
      readonly code: "tooFewUnits";
      readonly applicationIndex: number;
      /** Distinct units among the experts the application may have (not conflicted). */
      readonly availableUnits: number;
      readonly required: number;
    }
  | { readonly code: "slotsExceedCapacity"; readonly slots: number; readonly capacity: number }
  | { readonly code: "minimumExceedsSlots"; readonly slots: number; readonly minimum: number }
  | {
      readonly code: "expertBelowMinimum";
      readonly expertIndex: number;
      /** Applications the expert may review (not conflicted). */
      readonly availableApplications: number;
      readonly required: number;
    }
  | {
      /**
       * Randomized mode: with each pair's probability capped at q, the application cannot reach k
       * expected reviewers (Σ over its units of min(1, q × non-conflicted experts of the unit)), or
       * the expert cannot reach minLoad (q × its non-conflicted applications).
       */
      readonly code: "capTooLow";
      readonly kind: "application" | "expert";
      readonly index: number;
      readonly reachable: number;
      readonly required: number;
    }
  | {
      /**
       * Hall's condition fails: these applications together may only take these experts, and those
       * experts' loads (maximum loads, or minimum loads owed elsewhere) leave too few places.
       */
      readonly code: "capacityShort";
      readonly applicationIndices: readonly number[];
      readonly expertIndices: readonly number[];
    };

export interface SolveStats {
  readonly candidatePairs: number;
  /** Flow solves: those on a graph that fell short, then one per pricing round. */
  readonly rounds: number;
  /** Shortest-path augmentations and the nodes they settled (the exact finish after cost scaling). */
  readonly augmentations: number;
  readonly settledNodes: number;
  /** Cost scaling's pushes and relabels. */
  readonly pushes: number;
  readonly relabels: number;
  readonly addedByPricing: number;
}

export type AssignmentResult =
  | {
      readonly feasible: true;
      readonly pairs: readonly IndexPair[];
      readonly objective: number;
      readonly certificate: AssignmentCertificate;
      readonly stats: SolveStats;
    }
  | { readonly feasible: false; readonly reasons: readonly InfeasibilityReason[] };

/** One line per reason, in English, for the CLI and logs. */
export function describeInfeasibility(instance: AssignmentInstance, reason: InfeasibilityReason): string {
  const app = (i: number) => String(instance.applications[i]?.id ?? i);
  const expert = (j: number) => String(instance.experts[j]?.id ?? j);
  switch (reason.code) {
    case "tooFewUnits":
      return `application ${app(reason.applicationIndex)}: only ${reason.availableUnits} distinct units among its non-conflicted experts, ${reason.required} reviewers needed`;
    case "slotsExceedCapacity":
      return `load capacity short: ${reason.slots} review slots but the experts can take at most ${reason.capacity} (maxLoad × experts)`;
    case "minimumExceedsSlots":
      return `minimum loads exceed the work: the experts must take at least ${reason.minimum} reviews but there are ${reason.slots} slots`;
    case "expertBelowMinimum":
      return `expert ${expert(reason.expertIndex)}: only ${reason.availableApplications} non-conflicted applications, minLoad ${reason.required}`;
    case "capTooLow":
      return reason.kind === "application"
        ? `application ${app(reason.index)}: with each pair's probability capped, it reaches only ${reason.reachable} reviewers, ${reason.required} needed`
        : `expert ${expert(reason.index)}: with each pair's probability capped, its load reaches only ${reason.reachable}, minLoad ${reason.required}`;
    case "capacityShort": {
      const apps = reason.applicationIndices.slice(0, 20).map(app).join(", ");
      const more =
        reason.applicationIndices.length > 20 ? ` and ${reason.applicationIndices.length - 20} more` : "";
      return `applications ${apps}${more} cannot all be covered: together they may take only ${reason.expertIndices.length} experts, and those experts' loads are exhausted`;
    }
  }
}
