import type { Db } from "./db/client.ts";
import { rateLimitsRepository } from "./lib/rate-limits.repository.ts";
import { applicationsRepository } from "./modules/applications/applications.repository.ts";
import { submissionsRepository } from "./modules/applications/submissions-sql.ts";
import { auditRepository } from "./modules/audit/audit.repository.ts";
import type { AnchorStore } from "./modules/audit/audit-anchor.ts";
import type { AuditSigner } from "./modules/audit/audit-chain.ts";
import { credentialsRepository } from "./modules/auth/credentials.repository.ts";
import { sessionsRepository } from "./modules/auth/sessions.repository.ts";
import { budgetCycleRepository } from "./modules/budget/budget-cycle.repository.ts";
import { challengesRepository } from "./modules/decisions/challenges.repository.ts";
import { decisionsRepository } from "./modules/decisions/decisions.repository.ts";
import { projectsRepository } from "./modules/decisions/projects.repository.ts";
import { dedupRepository } from "./modules/dedup/dedup.repository.ts";
import { executionRepository } from "./modules/execution/execution.repository.ts";
import { expertsRepository } from "./modules/experts/experts.repository.ts";
import { fundPushRepository } from "./modules/fund-push/fund-push.repository.ts";
import { guidesRepository } from "./modules/guides/guides.repository.ts";
import { integrityRepository } from "./modules/integrity/integrity.repository.ts";
import { jointRepository } from "./modules/joint/joint.repository.ts";
import { ledgerRepository } from "./modules/ledger/ledger.repository.ts";
import { needsRepository } from "./modules/needs/needs.repository.ts";
import { projectLifeRepository } from "./modules/project-life/project-life.repository.ts";
import { referenceRepository } from "./modules/reference/reference.repository.ts";
import { reviewsRepository } from "./modules/reviews/reviews.repository.ts";
import { rectificationsRepository } from "./modules/supervision/rectifications.repository.ts";
import { supervisionRepository } from "./modules/supervision/supervision.repository.ts";
import { subsidyUseRepository } from "./modules/tracking/subsidy-use.repository.ts";
import { trackingRepository } from "./modules/tracking/tracking.repository.ts";
import { unitsRepository } from "./modules/units/units.repository.ts";
import { usersRepository } from "./modules/users/users.repository.ts";
import { notificationsRepository } from "./modules/workspace/notifications.repository.ts";
import { workspaceRepository } from "./modules/workspace/workspace.repository.ts";

/** The server's own audit key and the chain's anchor outside the database (modules/audit). */
export interface AuditKeys {
  signer: AuditSigner;
  anchor?: AnchorStore;
}

/**
 * Every repository, bound to one database handle: the database itself for reads, or a transaction
 * (lib/transaction.ts). Only repositories touch the database.
 */
export function createRepositories(db: Db, keys: AuditKeys) {
  return {
    applications: applicationsRepository(db),
    submissions: submissionsRepository(db, keys.signer),
    audit: auditRepository(db, keys.signer, keys.anchor),
    credentials: credentialsRepository(db),
    sessions: sessionsRepository(db),
    rateLimits: rateLimitsRepository(db),
    budgetCycle: budgetCycleRepository(db),
    challenges: challengesRepository(db),
    decisions: decisionsRepository(db),
    projects: projectsRepository(db),
    dedup: dedupRepository(db),
    execution: executionRepository(db),
    experts: expertsRepository(db),
    fundPush: fundPushRepository(db),
    guides: guidesRepository(db),
    integrity: integrityRepository(db),
    joint: jointRepository(db),
    ledger: ledgerRepository(db),
    needs: needsRepository(db),
    projectLife: projectLifeRepository(db),
    reference: referenceRepository(db),
    reviews: reviewsRepository(db),
    supervision: supervisionRepository(db),
    rectifications: rectificationsRepository(db),
    tracking: trackingRepository(db),
    subsidyUse: subsidyUseRepository(db),
    units: unitsRepository(db),
    users: usersRepository(db),
    notifications: notificationsRepository(db),
    workspace: workspaceRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
