import type { EditProposedListBody } from "@luoshu/contract";
import { attachmentMaxBytes, DomainError } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { FileStore } from "../../lib/files/file-store.ts";
import { checkAttachment } from "../../lib/files/sniff-type.ts";
import type { ListRow } from "./decisions.repository.ts";
import { listNotFound } from "./list-facts.ts";
import { lockList, type StepDeps } from "./list-steps.ts";
import { listView } from "./list-view.ts";

const draftOnly = (list: ListRow) => {
  if (list.status !== "draft") {
    throw new DomainError({
      code: "INVALID_TRANSITION",
      messageZh: "名单已提交，退回后才能修改。",
      messageEn: "The list has left the draft; it changes only after a return.",
    });
  }
};

/** The officer's decisions on the entries and the reasons the checks ask for; the draft only. */
export async function editList(
  deps: StepDeps,
  input: { ctx: CallerContext; id: string; body: EditProposedListBody },
) {
  const { ctx, body } = input;
  const list = await deps.tx.run(ctx, async (repos, audit) => {
    const list = await lockList(repos, ctx, input.id);
    draftOnly(list);
    const entries = new Map(
      (await repos.decisions.entries(list.cityId, list.id)).map((e) => [e.applicationId, e]),
    );
    const changed: string[] = [];
    for (const e of body.entries ?? []) {
      const current = entries.get(e.applicationId);
      if (!current) {
        throw new DomainError({
          code: "VALIDATION",
          path: `entries.${e.applicationId}`,
          messageZh: "该申报书不在名单上。",
          messageEn: "The application is not on the list.",
        });
      }
      const next = {
        decision: e.decision,
        reserveOrder: e.decision === "reserve" ? (e.reserveOrder ?? null) : null,
        departureReason: e.departureReason?.trim() ? e.departureReason : null,
        amountFen: e.amountFen ?? current.amountFen,
      };
      if (Object.entries(next).some(([k, v]) => current[k as keyof typeof next] !== v)) {
        await repos.decisions.updateEntry(current, next);
        changed.push(e.applicationId);
      }
    }
    const changes: Partial<ListRow> = { updatedAt: ctx.now };
    if (body.overCapReason !== undefined)
      changes.overCapReason = body.overCapReason?.trim() ? body.overCapReason : null;
    if (body.youthShareReason !== undefined)
      changes.youthShareReason = body.youthShareReason?.trim() ? body.youthShareReason : null;
    await repos.decisions.updateList(list, changes);
    audit({
      action: "decision.list.edit",
      entityType: "proposedList",
      entityId: list.id,
      cityId: list.cityId,
      after: {
        changedEntries: changed,
        overCapReason: changes.overCapReason,
        youthShareReason: changes.youthShareReason,
      },
    });
    return { ...list, ...changes };
  });
  return listView(deps, ctx, list);
}

/** 集体研究: the meeting that decided the list (LY-REFORM §三(二)1; DT-RULES §14). */
export async function recordCollectiveDecision(
  deps: StepDeps,
  input: {
    ctx: CallerContext;
    id: string;
    body: { meeting: string; heldOn: string; attendees: string; decision: string };
  },
) {
  const { ctx, body } = input;
  const list = await deps.tx.run(ctx, async (repos, audit) => {
    const list = await lockList(repos, ctx, input.id);
    draftOnly(list);
    const collectiveDecision = {
      ...body,
      attachment: list.collectiveDecision?.attachment ?? null,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now.toISOString(),
    };
    await repos.decisions.updateList(list, { collectiveDecision, updatedAt: ctx.now });
    audit({
      action: "decision.list.collectiveDecision",
      entityType: "proposedList",
      entityId: list.id,
      cityId: list.cityId,
      after: body,
    });
    return { ...list, collectiveDecision };
  });
  return listView(deps, ctx, list);
}

/** The minutes of that meeting, a PDF checked by its content and kept by its hash. */
export async function attachMinutes(
  deps: StepDeps & { files: FileStore },
  input: { ctx: CallerContext; id: string; fileName: string; bytes: Buffer },
) {
  const { ctx } = input;
  const check = await checkAttachment(input.bytes, { allowed: ["pdf"], maxBytes: attachmentMaxBytes });
  if (!check.ok) throw new DomainError({ ...check, path: "file" });
  const stored = await deps.files.put(input.bytes);
  const list = await deps.tx.run(ctx, async (repos, audit) => {
    const list = await lockList(repos, ctx, input.id);
    draftOnly(list);
    if (!list.collectiveDecision) {
      throw new DomainError({
        code: "DECISION_NO_COLLECTIVE_DECISION",
        messageZh: "请先录入会议记录，再上传附件。",
        messageEn: "Record the meeting before its attachment.",
      });
    }
    const collectiveDecision = {
      ...list.collectiveDecision,
      attachment: { sha256: stored.sha256, fileName: input.fileName, size: stored.size },
    };
    await repos.decisions.updateList(list, { collectiveDecision, updatedAt: ctx.now });
    audit({
      action: "decision.list.minutes",
      entityType: "proposedList",
      entityId: list.id,
      cityId: list.cityId,
      after: { sha256: stored.sha256, fileName: input.fileName },
    });
    return { ...list, collectiveDecision };
  });
  return listView(deps, ctx, list);
}

export async function readMinutes(
  deps: StepDeps & { files: FileStore },
  input: { ctx: CallerContext; id: string },
) {
  const list = await deps.repos.decisions.findList(input.ctx.actor.cityId ?? "", input.id);
  const att = list?.collectiveDecision?.attachment;
  const bytes = att ? await deps.files.get(att.sha256) : null;
  if (!att || !bytes) throw listNotFound();
  return { fileName: att.fileName, bytes };
}
