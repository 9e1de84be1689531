import {
  type Actor,
  type ApplicationState,
  DomainError,
  editableStates,
  type GuideContent,
} from "@luoshu/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { attachments } from "../../db/schema/index.ts";
import type { RequestContext } from "../../lib/context.ts";
import type { FileStore } from "../../lib/files/file-store.ts";
import { checkAttachment } from "../../lib/files/sniff-type.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { findGuide } from "../guides/guides.repository.ts";
import { loadVisible, lockVisible } from "./access.ts";
import { updateApplication } from "./applications.repository.ts";
import { commitmentScanCode } from "./submit-application.ts";

export const attachmentMaxBytes = 20 * 1024 * 1024;
const allowed = ["pdf", "png", "jpg", "docx", "xlsx"];

/**
 * One file per attachment code, checked by its content (not its name) and stored by content hash;
 * a new upload under the same code replaces the previous one in the draft.
 */
export async function uploadAttachment(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  files: FileStore;
  id: string;
  code: string;
  fileName: string;
  bytes: Buffer;
}) {
  const row = await loadVisible(opts.db, opts.actor, opts.id);
  const guide = await findGuide(opts.db, row.cityId, row.guideId);
  const codes = [
    commitmentScanCode,
    ...((guide?.guide.content as GuideContent | undefined)?.requiredAttachments ?? []).map((a) => a.code),
  ];
  if (!codes.includes(opts.code)) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "指南中没有这一附件项。",
      messageEn: "The guide lists no such attachment.",
      path: "code",
    });
  }
  const check = await checkAttachment(opts.bytes, {
    allowed: opts.code === commitmentScanCode ? ["pdf", "png", "jpg"] : allowed,
    maxBytes: attachmentMaxBytes,
  });
  if (!check.ok)
    throw new DomainError({
      code: check.code,
      messageZh: check.messageZh,
      messageEn: check.messageEn,
      path: "file",
    });
  const stored = await opts.files.put(opts.bytes);
  return inTransaction(opts.db, opts.ctx, async (tx, audit) => {
    const locked = await lockVisible(tx, opts.actor, opts.id);
    if (!editableStates.includes(locked.status as ApplicationState)) {
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "申报书已提交，不能更换附件。",
        messageEn: "The application is submitted; attachments are fixed.",
      });
    }
    await tx
      .delete(attachments)
      .where(
        and(
          eq(attachments.cityId, locked.cityId),
          eq(attachments.applicationId, locked.id),
          eq(attachments.code, opts.code),
        ),
      );
    const [att] = await tx
      .insert(attachments)
      .values({
        cityId: locked.cityId,
        applicationId: locked.id,
        code: opts.code,
        fileName: opts.fileName,
        mime: check.type.mime,
        size: stored.size,
        sha256: stored.sha256,
        uploadedBy: opts.actor.userId,
        uploadedAt: opts.ctx.now,
      })
      .returning();
    // Touching the application marks it changed, so a submission judged without this file misses.
    await updateApplication(tx, locked, { updatedAt: opts.ctx.now });
    audit({
      action: "application.attachment",
      entityType: "application",
      entityId: locked.id,
      cityId: locked.cityId,
      after: { code: opts.code, fileName: opts.fileName, sha256: stored.sha256, size: stored.size },
    });
    return att;
  });
}
