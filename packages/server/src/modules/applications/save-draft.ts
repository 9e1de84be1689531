import {
  type ApplicationContent,
  type applicationInputSchema,
  birthDateOfResidentId,
  checkEditable,
  checkMilestonesAndPartners,
  maskResidentId,
  requestedFen,
  type StoredMember,
  type Violation,
  validateResidentId,
} from "@luoshu/domain";
import type { z } from "zod";
import type { CallerContext } from "../../lib/context.ts";
import type { FieldCipher } from "../../lib/sm-crypto.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { GuidesRepository } from "../guides/guides.repository.ts";
import type { UsersRepository } from "../users/users.repository.ts";
import { applicationNotFound } from "./application-errors.ts";
import type { ApplicationsRepository } from "./applications.repository.ts";
import { type ApplicationViewDeps, getApplication } from "./read-applications.ts";

/** The draft as the route has parsed it (defaults applied). */
type ApplicationInput = z.output<typeof applicationInputSchema>;

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
      // By code points: half of a surrogate pair would be stored as a lone surrogate, which jsonb refuses.
      idNumberMasked: check.ok ? maskResidentId(id) : `${Array.from(id).slice(0, 2).join("")}****（无效）`,
      idNumberValid: check.ok,
      birthDate: check.ok ? birthDateOfResidentId(id) : null,
    };
  });
  return { team, problems };
}

/** Saves the whole draft; field problems come back with it, and nothing typed is lost. */
export async function saveDraft(
  deps: ApplicationViewDeps & {
    tx: Transactor<{
      applications: Pick<ApplicationsRepository, "lock" | "update">;
      guides: Pick<GuidesRepository, "findCall">;
      users: Pick<UsersRepository, "findUnitPi">;
    }>;
    cipher: FieldCipher;
  },
  input: { ctx: CallerContext; id: string; content: ApplicationInput },
) {
  const { ctx } = input;
  const problems = await deps.tx.run(ctx, async ({ applications, guides, users }, audit) => {
    const a = await applications.lock(ctx.scope, input.id);
    if (!a) throw applicationNotFound();
    checkEditable(a, "content", ctx.actor);
    // Ages and ID checks are taken at the call's opening.
    const call = await guides.findCall({ kind: "city", cityId: a.cityId }, a.callId);
    const { team, problems } = sealTeam(
      input.content.team,
      a.content.team,
      deps.cipher,
      call?.opensAt ?? ctx.now,
    );
    const content: ApplicationContent = { ...input.content, team };
    // A draft the unit started gets its PI from the team: the account with the named PI's ID number.
    const named = team.find((m) => m.role === "pi")?.idNumberDigest;
    const piUserId = a.piUserId ?? (named ? await users.findUnitPi(a.cityId, a.unitId, named) : undefined);
    await applications.update(a, {
      content,
      ...(piUserId && piUserId !== a.piUserId ? { piUserId } : {}),
      title: content.basic.title || a.title,
      requestedFen: requestedFen(content),
      updatedAt: ctx.now,
    });
    audit({
      action: "application.saveDraft",
      entityType: "application",
      entityId: a.id,
      cityId: a.cityId,
      after: {
        revision: a.revision,
        title: content.basic.title,
        ...(piUserId !== a.piUserId ? { piUserId } : {}),
      },
    });
    // Reported at once, like a bad ID number; the submission refuses them later.
    return [...problems, ...checkMilestonesAndPartners(content)];
  });
  return { view: await getApplication(deps, { ctx, id: input.id }), problems };
}
