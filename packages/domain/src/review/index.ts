/**
 * Expert review (专家评审, issue 13): the exact reviewer assignment as a min-cost flow with an
 * optimality certificate, its independent checker, the assignment LP for an outside solver, and
 * the randomized assignment (probability cap q, dependent rounding with a recorded seed).
 */

export * from "./affinity.ts";
export { assignmentInstanceSchema, parseAssignmentInstance } from "./assignment.schema.ts";
export { type SolveOptions, solveAssignment } from "./assignment.ts";
export {
  type AssignmentCertificate,
  type AssignmentId,
  type AssignmentInstance,
  type AssignmentResult,
  describeInfeasibility,
  type IndexPair,
  type InfeasibilityReason,
  type SolveStats,
} from "./assignment.types.ts";
export {
  type CertificateCheck,
  type CheckOptions,
  checkAssignmentCertificate,
} from "./assignment-certificate.ts";
export { type AssignmentLp, assignmentLp } from "./assignment-lp.ts";
export * from "./conflicts.ts";
export {
  type RandomizedOptions,
  type RandomizedResult,
  solveRandomizedAssignment,
} from "./randomized-assignment.ts";
export * from "./review-plan.ts";
export * from "./scoring.ts";
export * from "./slot.ts";
