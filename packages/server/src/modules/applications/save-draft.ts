import {
  type Actor,
  type ApplicationContent,
  type ApplicationInput,
  type ApplicationState,
  applicationInputSchema,
  birthDateOfResidentId,
  DomainError,
  editableStates,
  maskResidentId,
  requestedFen,
  type StoredMember,
  type Violation,
  validateResidentId,
} from "@luoshu/domain";
import type { Db } from "../../db/client.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import type { FieldCipher } from "../../lib/sm-crypto.ts";
import { lockVisible } from "./access.ts";
import { updateApplication } from "./applications.repository.ts";

/**
 * Team members' ID numbers are encrypted before anything is stored. A bad number is kept
 * (encrypted) and reported, so a draft never loses what was typed.
 */
export function sealTeam(
  input: ApplicationInput["team"],
  previous: StoredMember[],
  cipher: FieldCipher,
  callDate: Date,
) {
  const problems: Violation[] = [];
  // A member sent without a number keeps the stored one it echoes (by its mask), not the one at
  // its position, so removing or reordering rows never hands a number to someone else.
  const unclaimed = [...previous];
  const team = (input ?? []).map((m, i): StoredMember => {
    const { idNumber, idNumberMasked, ...rest } = m;
    const base = {
      name: rest.name ?? "",
      role: rest.role ?? "member",
      title: rest.title ?? "",
      unitName: rest.unitName ?? "",
      workMonths: rest.workMonths ?? 0,
    };
    if (!idNumber) {
      const at = idNumberMasked ? unclaimed.findIndex((p) => p.idNumberMasked === idNumberMasked) : -1;
      const kept = at >= 0 ? unclaimed.splice(at, 1)[0] : undefined;
      return {
        ...base,
        idNumberCipher: kept?.idNumberCipher ?? null,
        // Members saved before digests were kept get theirs on the next save.
        idNumberDigest:
          kept?.idNumberDigest ??
          (kept?.idNumberCipher ? cipher.digest(cipher.decrypt(kept.idNumberCipher)) : null),
        idNumberMasked: kept?.idNumberMasked ?? null,
        idNumberValid: kept?.idNumberValid ?? false,
        birthDate: kept?.birthDate ?? null,
      };
    }
    const id = idNumber.toUpperCase();
    const check = validateResidentId(id, { at: callDate });
    if (!check.ok) {
      problems.push({
        code: check.code,
        messageZh: check.messageZh,
        messageEn: check.messageEn,
        path: `team.${i}.idNumber`,
      });
    }
    return {
      ...base,
      idNumberCipher: cipher.encrypt(id),
      idNumberDigest: cipher.digest(id),
      idNumberMasked: check.ok ? maskResidentId(id) : `${id.slice(0, 2)}****（无效）`,
      idNumberValid: check.ok,
      birthDate: check.ok ? birthDateOfResidentId(id) : null,
    };
  });
  return { team, problems };
}

export async function saveDraft(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  cipher: FieldCipher;
  id: string;
  input: unknown;
  callDate: Date;
}) {
  const parsed = applicationInputSchema.safeParse(opts.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError({
      code: "VALIDATION",
      messageZh: `申报书内容格式有误：${issue?.path.join(".")}`,
      messageEn: `Malformed application content at ${issue?.path.join(".")}: ${issue?.message}`,
      path: issue?.path.join("."),
    });
  }
  return inTransaction(opts.db, opts.ctx, async (tx, audit) => {
    const row = await lockVisible(tx, opts.actor, opts.id);
    if (!editableStates.includes(row.status as ApplicationState)) {
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "申报书已提交，当前不能修改。",
        messageEn: "The application is submitted and cannot be edited now.",
      });
    }
    const previous = row.content as ApplicationContent;
    const { team, problems } = sealTeam(parsed.data.team, previous.team, opts.cipher, opts.callDate);
    const content: ApplicationContent = { ...parsed.data, team };
    await updateApplication(tx, row, {
      content,
      title: content.basic.title || row.title,
      requestedFen: requestedFen(content),
      updatedAt: opts.ctx.now,
    });
    audit({
      action: "application.saveDraft",
      entityType: "application",
      entityId: row.id,
      cityId: row.cityId,
      after: { revision: row.revision, title: content.basic.title },
    });
    return { content, problems };
  });
}
