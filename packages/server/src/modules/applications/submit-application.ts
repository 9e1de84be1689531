import {
  type ApplicationContent,
  activeBans,
  applicationMachine,
  checkSubmission,
  commitmentScanCode,
  DomainError,
  fire,
  invalidTransition,
  type Policy,
  reviewQueueNotice,
  submitEventFor,
} from "@luoshu/domain";
import { auditActorOf, type CallerContext } from "../../lib/context.ts";
import { type FieldCipher, sm3 } from "../../lib/sm-crypto.ts";
import { canonicalJson } from "../audit/audit-chain.ts";
import type { IntegrityRepository } from "../integrity/integrity.repository.ts";
import { applicationNotFound, concurrentChange } from "./application-errors.ts";
import type { SubmissionsRepository } from "./submissions-sql.ts";

type Deps = {
  repos: { submissions: SubmissionsRepository; integrity: Pick<IntegrityRepository, "recordsFor"> };
  cipher: FieldCipher;
  policies: readonly Policy[];
};

/**
 * Submission freezes the draft as an immutable revision after every gate passed; all refusals are
 * returned together (the first as the error, all in `details.violations`) so the form can mark each.
 */
export async function submitApplication(deps: Deps, input: { ctx: CallerContext; id: string }) {
  // A change between the read and the write (a save, an upload, another submit) makes the write
  // miss; the gates then judge the new version.
  for (let attempt = 1; ; attempt++) {
    const result = await trySubmit(deps, input);
    if (result) return result;
    if (attempt === 3) throw concurrentChange();
  }
}

/**
 * What would refuse the submission now, without submitting: the form asks after each save, so a
 * refusal shown from an earlier attempt is judged again against what was just saved.
 */
export async function checkSubmissionNow(deps: Deps, input: { ctx: CallerContext; id: string }) {
  try {
    return (await judge(deps, input)).violations;
  } catch (e) {
    // A question, not an action: "it is no longer a draft" is one more answer, not a refusal.
    if (e instanceof DomainError && e.kind === "state")
      return [{ code: e.code, messageZh: e.messageZh, messageEn: e.message }];
    throw e;
  }
}

/** Every gate on the application as it is now; nothing is written. */
async function judge(deps: Deps, { ctx, id }: { ctx: CallerContext; id: string }) {
  const facts = await deps.repos.submissions.readFacts(ctx.scope, id);
  if (!facts) throw applicationNotFound();
  const a = facts.application;
  const event = submitEventFor(a.status, facts.guide.districtReview);
  if (!event) throw invalidTransition("申报书已提交。", "The application is already submitted.");
  const to = fire(applicationMachine, a.status, event, ctx.actor.roles);
  const policy = deps.policies.find((p) => p.city === a.cityId && p.version === a.policyVersion);
  if (!policy) throw new Error(`application ${a.id} lost its policy ${a.policyVersion}`);
  // Drafts saved before team members carried their digest need the look-up by decrypted number.
  const undigested = a.content.team.some((m) => m.role === "pi" && m.idNumberCipher && !m.idNumberDigest);
  const records = undigested
    ? await deps.repos.integrity.recordsFor(
        a.cityId,
        a.unitId,
        personDigests(deps.cipher, a.content, facts.piDigest),
      )
    : facts.integrity;
  const codes = facts.attachments.map((x) => x.code);
  const violations = checkSubmission({
    policy,
    guide: facts.guide,
    guideStatus: facts.guideStatus,
    call: facts.call,
    now: ctx.now,
    unit: facts.unit,
    content: a.content,
    integrity: activeBans(records, ctx.now),
    commitment: {
      piConfirmed: Boolean(a.commitment.piConfirmedAt),
      unitConfirmed: Boolean(a.commitment.unitConfirmedAt),
      scanUploaded: codes.includes(commitmentScanCode),
    },
    attachmentCodes: codes,
  });
  return { facts, event, to, violations };
}

async function trySubmit(deps: Deps, input: { ctx: CallerContext; id: string }) {
  const { ctx } = input;
  const { facts, event, to, violations } = await judge(deps, input);
  const a = facts.application;
  if (violations[0]) throw new DomainError({ ...violations[0], details: { violations } });

  const snapshot = { content: a.content, attachments: facts.attachments, commitment: a.commitment };
  const applied = await deps.repos.submissions.write({
    cityId: a.cityId,
    applicationId: a.id,
    rowVersion: facts.rowVersion,
    revision: a.revision,
    snapshot,
    contentHash: sm3(canonicalJson(snapshot)),
    event,
    fromState: a.status,
    toState: to,
    at: ctx.now,
    actor: auditActorOf(ctx),
    audit: {
      action: `application.${event}`,
      entityType: "application",
      entityId: a.id,
      cityId: a.cityId,
      before: { status: a.status },
      after: { status: to, revision: a.revision },
    },
    notice: reviewQueueNotice(a, to),
  });
  if (!applied) return null;
  // The caller answers from these, without reading the application again.
  return {
    application: { ...a, status: to, submittedAt: ctx.now, updatedAt: ctx.now, returnDeadline: null },
    callOpensAt: facts.call.opensAt,
    unit: { nameZh: facts.unit.nameZh, kind: facts.unit.kind },
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
