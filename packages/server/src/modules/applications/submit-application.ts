import {
  type Actor,
  type ApplicationContent,
  type ApplicationState,
  activeBans,
  applicationMachine,
  checkSubmission,
  DomainError,
  fire,
  type GuideContent,
  type Policy,
  submitEventFor,
  type UnitKind,
} from "@luoshu/domain";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { users } from "../../db/schema/index.ts";
import { inTransaction, type RequestContext } from "../../lib/context.ts";
import { type FieldCipher, sm3 } from "../../lib/sm-crypto.ts";
import { canonicalJson } from "../audit/audit-chain.ts";
import { findCall, findGuide } from "../guides/guides.repository.ts";
import { recordsFor } from "../integrity/integrity.repository.ts";
import { findUnit } from "../units/units.repository.ts";
import { lockVisible } from "./access.ts";
import {
  insertEvent,
  insertRevision,
  listAttachments,
  updateApplication,
} from "./applications.repository.ts";
import type { Commitment } from "./commitment.ts";

export const commitmentScanCode = "commitmentScan";

/**
 * Submission freezes the draft as an immutable revision after every gate passed; all refusals are
 * returned together (the first as the error, all in `details.violations`) so the form can mark each.
 */
export async function submitApplication(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  cipher: FieldCipher;
  policies: Policy[];
  id: string;
}) {
  const { ctx, actor } = opts;
  return inTransaction(opts.db, ctx, async (tx, audit) => {
    const row = await lockVisible(tx, actor, opts.id);
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
    // One connection runs a transaction's statements in turn, so they are awaited in turn.
    const call = await findCall(tx, row.cityId, row.callId);
    const guide = await findGuide(tx, row.cityId, row.guideId);
    const unit = await findUnit(tx, row.unitId);
    const attachments = await listAttachments(tx, row.cityId, row.id);
    const policy = opts.policies.find((p) => p.city === row.cityId && p.version === row.policyVersion);
    if (!call || !guide || !unit || !policy)
      throw new Error(`application ${row.id} lost its call, guide, unit or policy`);
    const content = row.content as ApplicationContent;
    const commitment = row.commitment as Commitment;
    const digests = await personDigests(tx, opts.cipher, content, row.piUserId);
    const integrity = activeBans(await recordsFor(tx, row.cityId, row.unitId, digests), ctx.now);
    const violations = checkSubmission({
      policy,
      guide: guide.guide.content as GuideContent,
      call,
      now: ctx.now,
      unit: { kind: unit.kind as UnitKind, districtCode: unit.districtCode },
      content,
      integrity,
      commitment: {
        piConfirmed: Boolean(commitment.piConfirmedAt),
        unitConfirmed: Boolean(commitment.unitConfirmedAt),
        scanUploaded: attachments.some((a) => a.code === commitmentScanCode),
      },
      attachmentCodes: attachments.map((a) => a.code),
    });
    if (violations[0]) throw new DomainError({ ...violations[0], details: { violations } });

    const snapshot = {
      content,
      attachments: attachments.map(({ code, fileName, sha256, size, mime }) => ({
        code,
        fileName,
        sha256,
        size,
        mime,
      })),
      commitment,
    };
    await insertRevision(tx, {
      cityId: row.cityId,
      applicationId: row.id,
      revision: row.revision,
      content: snapshot,
      contentHash: sm3(canonicalJson(snapshot)),
      submittedBy: actor.userId,
      submittedAt: ctx.now,
    });
    await updateApplication(tx, row, {
      status: to,
      submittedAt: ctx.now,
      updatedAt: ctx.now,
      returnDeadline: null,
    });
    await insertEvent(tx, {
      cityId: row.cityId,
      applicationId: row.id,
      event,
      fromState: state,
      toState: to,
      revision: row.revision,
      actorId: actor.userId,
      actorRole: ctx.role,
      at: ctx.now,
    });
    audit({
      action: `application.${event}`,
      entityType: "application",
      entityId: row.id,
      cityId: row.cityId,
      before: { status: state },
      after: { status: to, revision: row.revision },
    });
    // The caller answers from these, without reading the application again after the commit.
    return {
      row: { ...row, status: to, submittedAt: ctx.now, updatedAt: ctx.now, returnDeadline: null },
      call,
      unit,
    };
  });
}

/** Keyed digests of the PI's ID number (from the team and from the PI's account), to find sanctions. */
async function personDigests(
  tx: Tx,
  cipher: FieldCipher,
  content: ApplicationContent,
  piUserId: string | null,
) {
  const out = new Set<string>();
  for (const m of content.team) {
    if (m.role === "pi" && m.idNumberCipher) out.add(cipher.digest(cipher.decrypt(m.idNumberCipher)));
  }
  if (piUserId) {
    const [u] = await tx.select({ digest: users.idNumberDigest }).from(users).where(eq(users.id, piUserId));
    if (u?.digest) out.add(u.digest);
  }
  return [...out];
}
