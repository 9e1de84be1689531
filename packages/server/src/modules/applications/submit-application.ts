import {
  type Actor,
  type ApplicationContent,
  type ApplicationState,
  activeBans,
  applicationMachine,
  checkSubmission,
  DomainError,
  fire,
  type Policy,
  submitEventFor,
  type UnitKind,
} from "@luoshu/domain";
import type { Db } from "../../db/client.ts";
import { afterCommit } from "../../lib/after-commit.ts";
import { auditActorOf, type RequestContext } from "../../lib/context.ts";
import { type FieldCipher, sm3 } from "../../lib/sm-crypto.ts";
import { canonicalJson } from "../audit/audit-chain.ts";
import { recordsFor } from "../integrity/integrity.repository.ts";
import { concurrentChange } from "./application-errors.ts";
import type { Commitment } from "./commitment.ts";
import { readSubmissionFacts, writeSubmission } from "./submission-sql.ts";

export const commitmentScanCode = "commitmentScan";

interface SubmitOptions {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  cipher: FieldCipher;
  policies: Policy[];
  id: string;
}

/**
 * Submission freezes the draft as an immutable revision after every gate passed; all refusals are
 * returned together (the first as the error, all in `details.violations`) so the form can mark each.
 */
export async function submitApplication(opts: SubmitOptions) {
  // A change between the read and the write (a save, an upload, another submit) makes the write
  // miss; the gates then judge the new version.
  for (let attempt = 1; ; attempt++) {
    const result = await trySubmit(opts);
    if (result) return result;
    if (attempt === 3) throw concurrentChange();
  }
}

async function trySubmit(opts: SubmitOptions) {
  const { db, ctx, actor } = opts;
  const facts = await readSubmissionFacts(db, actor, opts.id);
  const row = facts.application;
  const state = row.status as ApplicationState;
  const event = submitEventFor(state);
  if (!event) {
    throw new DomainError({
      code: "INVALID_TRANSITION",
      messageZh: "申报书已提交。",
      messageEn: "The application is already submitted.",
    });
  }
  const to = fire(applicationMachine, state, event, actor.roles);
  const policy = opts.policies.find((p) => p.city === row.cityId && p.version === row.policyVersion);
  if (!policy) throw new Error(`application ${row.id} lost its policy ${row.policyVersion}`);
  const content = row.content as ApplicationContent;
  const commitment = row.commitment as Commitment;
  // Drafts saved before team members carried their digest need the look-up by decrypted number.
  const undigested = content.team.some((m) => m.role === "pi" && m.idNumberCipher && !m.idNumberDigest);
  const records = undigested
    ? await recordsFor(db, row.cityId, row.unitId, personDigests(opts.cipher, content, facts.piDigest))
    : facts.integrity;
  const codes = facts.attachments.map((a) => a.code);
  const violations = checkSubmission({
    policy,
    guide: facts.guide,
    guideStatus: facts.guideStatus,
    call: facts.call,
    now: ctx.now,
    unit: { kind: facts.unit.kind as UnitKind, districtCode: facts.unit.districtCode },
    content,
    integrity: activeBans(records, ctx.now),
    commitment: {
      piConfirmed: Boolean(commitment.piConfirmedAt),
      unitConfirmed: Boolean(commitment.unitConfirmedAt),
      scanUploaded: codes.includes(commitmentScanCode),
    },
    attachmentCodes: codes,
  });
  if (violations[0]) throw new DomainError({ ...violations[0], details: { violations } });

  const snapshot = { content, attachments: facts.attachments, commitment };
  const applied = await writeSubmission(db, {
    cityId: row.cityId,
    applicationId: row.id,
    rowVersion: facts.rowVersion,
    revision: row.revision,
    snapshot,
    contentHash: sm3(canonicalJson(snapshot)),
    event,
    fromState: state,
    toState: to,
    at: ctx.now,
    actor: auditActorOf(ctx),
    audit: {
      action: `application.${event}`,
      entityType: "application",
      entityId: row.id,
      cityId: row.cityId,
      before: { status: state },
      after: { status: to, revision: row.revision },
    },
  });
  if (!applied) return null;
  afterCommit(db);
  // The caller answers from these, without reading the application again.
  return {
    row: { ...row, status: to, submittedAt: ctx.now, updatedAt: ctx.now, returnDeadline: null },
    call: facts.call,
    unit: facts.unit,
  };
}

/** Keyed digests of the PI's ID number (from the team and from the PI's account), to find sanctions. */
function personDigests(cipher: FieldCipher, content: ApplicationContent, piDigest: string | null) {
  const out = new Set<string>();
  for (const m of content.team) {
    if (m.role === "pi" && m.idNumberCipher) out.add(cipher.digest(cipher.decrypt(m.idNumberCipher)));
  }
  if (piDigest) out.add(piDigest);
  return [...out];
}
