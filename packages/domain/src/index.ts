/**
 * The public API of @luoshu/domain: pure rules and types, no I/O. The server and the web import from
 * here only, never from a file inside the package.
 */

export * from "./application/application.actions.ts";
export * from "./application/application.machine.ts";
export * from "./application/application.ts";
export * from "./application/attachments.ts";
export * from "./application/district-review.rules.ts";
export * from "./application/review-queues.ts";
export * from "./application/revision-diff.ts";
export * from "./application/submission.rules.ts";
export * from "./budget/budget.rules.ts";
export * from "./budget/budget-cycle.ts";
export * from "./decision/index.ts";
export * from "./dedup/index.ts";
export * from "./expert-pool/disciplines.ts";
export * from "./expert-pool/expert.ts";
export * from "./expert-pool/expert-import.rules.ts";
export * from "./fund-push/fund-push.ts";
export * from "./guide/guide.machine.ts";
export * from "./guide/guide.ts";
export * from "./guide/guide-publish.rules.ts";
export * from "./identity/identifiers.ts";
export * from "./identity/password-guessing.ts";
export * from "./identity/role-assignment.ts";
export * from "./identity/roles.ts";
export * from "./identity/scope.ts";
export * from "./identity/unit.ts";
export * from "./identity/user.ts";
export * from "./integrity/integrity.rules.ts";
export * from "./ledger/disbursement.ts";
export * from "./ledger/figures.ts";
export * from "./ledger/ledger.ts";
export * from "./ledger/operations.ts";
export * from "./ledger/payment.ts";
export * from "./ledger/verify.ts";
export * from "./need/need.machine.ts";
export * from "./need/need.ts";
export * from "./policy/load-policies.ts";
export * from "./policy/policy.schema.ts";
export * from "./policy/project-life.schema.ts";
export * from "./policy/supervision.schema.ts";
export * from "./project/change-request.ts";
export * from "./project/closure.ts";
export * from "./project/sanction.ts";
export * from "./project/task-book.ts";
export * from "./review/index.ts";
export * from "./shared/audit-labels.ts";
export * from "./shared/dates.ts";
export * from "./shared/errors.ts";
export * from "./shared/json.ts";
export * from "./shared/machine.ts";
export * from "./shared/money.ts";
export * from "./supervision/spot-check.ts";
