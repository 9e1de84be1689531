import {
  attachmentMaxBytes,
  attachmentTypesFor,
  checkEditable,
  commitmentScanCode,
  DomainError,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { FileStore } from "../../lib/files/file-store.ts";
import { checkAttachment } from "../../lib/files/sniff-type.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { GuidesRepository } from "../guides/guides.repository.ts";
import { applicationNotFound } from "./application-errors.ts";
import type { ApplicationsRepository } from "./applications.repository.ts";
import { findVisibleApplication } from "./read-applications.ts";

/**
 * One file per attachment code, checked by its content (not its name) and stored by content hash;
 * a new upload under the same code replaces the previous one in the draft.
 */
export async function uploadAttachment(
  deps: {
    repos: { applications: Pick<ApplicationsRepository, "find">; guides: Pick<GuidesRepository, "find"> };
    tx: Transactor<{ applications: Pick<ApplicationsRepository, "lock" | "putAttachment" | "update"> }>;
    files: FileStore;
  },
  input: { ctx: CallerContext; id: string; code: string; fileName: string; bytes: Buffer },
) {
  const { ctx, code } = input;
  const a = await findVisibleApplication(deps, ctx, input.id);
  const found = await deps.repos.guides.find({ kind: "city", cityId: a.cityId }, a.guideId);
  const codes = [commitmentScanCode, ...(found?.guide.content.requiredAttachments ?? []).map((x) => x.code)];
  if (!codes.includes(code)) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "指南中没有这一附件项。",
      messageEn: "The guide lists no such attachment.",
      path: "code",
    });
  }
  const check = await checkAttachment(input.bytes, {
    allowed: attachmentTypesFor(code),
    maxBytes: attachmentMaxBytes,
  });
  if (!check.ok) throw new DomainError({ ...check, path: "file" });
  const stored = await deps.files.put(input.bytes);
  return deps.tx.run(ctx, async ({ applications }, audit) => {
    const locked = await applications.lock(ctx.scope, input.id);
    if (!locked) throw applicationNotFound();
    checkEditable(locked, "attachments", ctx.actor);
    const att = await applications.putAttachment(locked, {
      code,
      fileName: input.fileName,
      mime: check.type.mime,
      size: stored.size,
      sha256: stored.sha256,
      uploadedBy: ctx.actor.userId,
      uploadedAt: ctx.now,
    });
    // Touching the application marks it changed, so a submission judged without this file misses.
    await applications.update(locked, { updatedAt: ctx.now });
    audit({
      action: "application.attachment",
      entityType: "application",
      entityId: locked.id,
      cityId: locked.cityId,
      after: { code, fileName: input.fileName, sha256: stored.sha256, size: stored.size },
    });
    return att;
  });
}
