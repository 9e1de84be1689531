import {
  attachmentMaxBytes,
  checkLumpSumPilot,
  chinaDateOf,
  confirmTaskBook,
  DomainError,
  fire,
  type LedgerProject,
  notFound,
  type Policy,
  type Suspension,
  type TaskBookEvent,
  taskBookContent,
  taskBookMachine,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { FileStore } from "../../lib/files/file-store.ts";
import { checkAttachment } from "../../lib/files/sniff-type.ts";
import type { Audit, Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { postToLedger } from "../ledger/post-to-ledger.ts";
import { policyOf } from "../reviews/review-access.ts";
import type { TaskBookRow } from "./execution.repository.ts";

export type ExecutionDeps = {
  repos: Pick<Repositories, "execution" | "ledger" | "projectLife" | "tracking">;
  tx: Transactor<Pick<Repositories, "execution" | "ledger" | "projectLife" | "tracking">>;
  policies: Policy[];
};
type Repos = Pick<Repositories, "execution" | "ledger" | "projectLife">;

/** A terminated or revoked project takes nothing more: no task book, no money, no change. */
export function mustBeOpen(p: { closedAs: string | null }) {
  if (p.closedAs !== null)
    throw new DomainError({ code: "PROJECT_CLOSED", details: { closedAs: p.closedAs } });
}

export const projectNotFound = () => notFound("项目不存在。", "No such project.");
const taskBookMissing = () => notFound("该项目尚未拟定任务书。", "The project has no task book yet.");

/** A project in the caller's scope with the policy version it is bound to (DT-RULES §24), or 404. */
export async function visibleProject(
  repos: Pick<Repos, "execution">,
  policies: readonly Policy[],
  ctx: CallerContext,
  id: string,
) {
  const found = await repos.execution.project(ctx.scope, id);
  if (!found) throw projectNotFound();
  const policy = policyOf(policies, found.p.cityId, found.p.policyVersion);
  return { ...found, policy };
}

/** The ledger's view of a project: its approved amount, the task book's nodes, its payment suspensions. */
export const ledgerProjectOf = (
  p: { id: string; year: number; amountFen: number },
  tb: Pick<TaskBookRow, "content"> | undefined,
  suspensions: readonly Suspension[] = [],
): LedgerProject => ({
  projectId: p.id,
  year: p.year,
  approvedFen: p.amountFen,
  nodes: tb?.content.nodes ?? [],
  suspensions,
});

/**
 * 拟定任务书: the bureau draws the task book up once from the approved project, its application and
 * the policy version the project is bound to; the officer who does it becomes the project's
 * responsible officer unless one is named already. A filed guiding project takes none: its unit runs
 * and closes it itself (LY-REFORM §三(三)1).
 */
export async function drawTaskBook(
  deps: ExecutionDeps,
  input: {
    ctx: CallerContext;
    projectId: string;
    lumpSumPilot: boolean;
    period?: { startDate: string; endDate: string } | undefined;
  },
) {
  const { ctx } = input;
  const { p, unitName, unitKind, piName, thirdParty, policy } = await visibleProject(
    deps.repos,
    deps.policies,
    ctx,
    input.projectId,
  );
  if (!ctx.actor.roles.includes("programOfficer")) throw new DomainError({ code: "FORBIDDEN" });
  if (p.origin === "filing") throw new DomainError({ code: "TASK_BOOK_NOT_APPLICABLE" });
  mustBeOpen(p);
  if (input.lumpSumPilot) checkLumpSumPilot(policy, unitKind);
  if (input.period && p.applicationId)
    throw new DomainError({
      code: "VALIDATION",
      path: "period",
      messageZh: "项目的起止日期取自其申报书，不在任务书中另行设定。",
      messageEn: "The project's period comes from its application; the task book does not set another.",
    });
  const [a, template] = await Promise.all([
    p.applicationId ? deps.repos.execution.applicationContent(p.cityId, p.applicationId) : undefined,
    deps.repos.execution.template(p.cityId),
  ]);
  const content = taskBookContent(
    policy,
    {
      project: { ...p, unitName, piName, thirdParty, lumpSumPilot: input.lumpSumPilot },
      period: input.period ?? null,
      application: a
        ? {
            startDate: a.basic.startDate,
            endDate: a.basic.endDate,
            objectives: a.content.objectives,
            researchContent: a.content.researchContent,
            targets: a.targets,
            milestones: a.milestones,
            budgetLines: a.budget.lines.map((l) => ({ category: l.category, amountFen: l.amountFen })),
            team: a.team.map(({ name, role, title, unitName: u, workMonths }) => ({
              name,
              role,
              title,
              unitName: u,
              workMonths,
            })),
            selfRaisedFen: a.funding.selfRaisedFen,
            coFundingFen: a.funding.coFundingFen,
          }
        : null,
    },
    template?.terms,
  );
  return deps.tx.run(ctx, async (repos, audit) => {
    const tb = await repos.execution.insertTaskBook({
      cityId: p.cityId,
      projectId: p.id,
      status: "drafted",
      content,
      drawnBy: ctx.actor.userId,
      drawnAt: ctx.now,
    });
    if (!p.responsibleOfficerId)
      await repos.execution.setResponsibleOfficer(p.cityId, p.id, ctx.actor.userId);
    audit({
      action: "taskBook.draw",
      entityType: "project",
      entityId: p.id,
      cityId: p.cityId,
      after: { nodes: content.nodes, amountFen: content.amountFen },
    });
    return tb;
  });
}

/** The unit's or the bureau's confirmation on the platform; the second one confirms the task book. */
export async function confirmTaskBookStep(
  deps: ExecutionDeps,
  input: {
    ctx: CallerContext;
    projectId: string;
    event: Extract<TaskBookEvent, "confirmUnit" | "confirmBureau">;
  },
) {
  const { ctx, event } = input;
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  return deps.tx.run(ctx, async (repos, audit) => {
    const tb = await repos.execution.taskBook(p.cityId, p.id, true);
    if (!tb) throw taskBookMissing();
    fire(taskBookMachine, tb.status, event, ctx.actor.roles);
    const side = event === "confirmUnit" ? "unit" : "bureau";
    const status = confirmTaskBook(tb, side);
    const updated = await repos.execution.updateTaskBook(
      tb,
      side === "unit"
        ? { status, unitConfirmedBy: ctx.actor.userId, unitConfirmedAt: ctx.now }
        : { status, bureauConfirmedBy: ctx.actor.userId, bureauConfirmedAt: ctx.now },
    );
    audit({
      action: `taskBook.${event}`,
      entityType: "project",
      entityId: p.id,
      cityId: p.cityId,
      before: { status: tb.status },
      after: { status },
    });
    return updated;
  });
}

/**
 * 签订: the signed and sealed task book's scan (PDF or image, checked by content) is uploaded with
 * the day it was signed, and the project's approved amount is committed in the ledger from its
 * year's budget, which finance must have approved (LY-FUNDS §12). A project that pays nothing commits
 * nothing.
 */
export async function signTaskBook(
  deps: ExecutionDeps & { files: FileStore },
  input: { ctx: CallerContext; projectId: string; signedOn: string; fileName: string; bytes: Buffer },
) {
  const { ctx } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (input.signedOn > chinaDateOf(ctx.now) || input.signedOn < p.approvedOn) {
    throw new DomainError({
      code: "VALIDATION",
      path: "signedOn",
      messageZh: `签订日期须在立项日期（${p.approvedOn}）之后，且不晚于今天。`,
      messageEn: `The day of signing is between the approval (${p.approvedOn}) and today.`,
    });
  }
  const check = await checkAttachment(input.bytes, {
    allowed: ["pdf", "png", "jpg"],
    maxBytes: attachmentMaxBytes,
  });
  if (!check.ok) throw new DomainError({ ...check, path: "file" });
  return deps.tx.run(ctx, async (repos, audit) => {
    // a project terminated or revoked meanwhile commits nothing: its closure released what it held
    await repos.ledger.lock(p.cityId);
    mustBeOpen({ closedAs: (await repos.execution.project(ctx.scope, p.id))?.p.closedAs ?? null });
    const tb = await repos.execution.taskBook(p.cityId, p.id, true);
    if (!tb) throw taskBookMissing();
    const status = fire(taskBookMachine, tb.status, "sign", ctx.actor.roles);
    if (tb.content.nodes.length > 0) {
      await postToLedger(repos, {
        cityId: p.cityId,
        policy,
        by: ctx.actor.userId,
        now: ctx.now,
        op: { op: "commit", projectId: p.id },
        idempotencyKey: `commit:${p.id}`,
        project: ledgerProjectOf(p, tb),
      });
    }
    // Stored once every refusal (the task book's state, the year's budget) is past, so a refused
    // signing leaves no file behind that nothing refers to; a failed write rolls the signing back.
    const stored = await deps.files.put(input.bytes);
    const updated = await repos.execution.updateTaskBook(tb, {
      status,
      scan: { fileName: input.fileName, mime: check.type.mime, size: stored.size, sha256: stored.sha256 },
      signedOn: input.signedOn,
      signedBy: ctx.actor.userId,
      signedAt: ctx.now,
    });
    auditSigned(audit, p, input, stored.sha256);
    return updated;
  });
}

function auditSigned(
  audit: Audit,
  p: { id: string; cityId: string; amountFen: number },
  input: { signedOn: string; fileName: string },
  sha256: string,
) {
  audit({
    action: "taskBook.sign",
    entityType: "project",
    entityId: p.id,
    cityId: p.cityId,
    before: { status: "confirmed" },
    after: {
      status: "signed",
      signedOn: input.signedOn,
      fileName: input.fileName,
      sha256,
      committedFen: p.amountFen,
    },
  });
}

/** The signed scan, to the parties who read the project. */
export async function readTaskBookScan(
  deps: Pick<ExecutionDeps, "repos" | "policies"> & { files: FileStore },
  input: { ctx: CallerContext; projectId: string },
) {
  const { p } = await visibleProject(deps.repos, deps.policies, input.ctx, input.projectId);
  const tb = await deps.repos.execution.taskBook(p.cityId, p.id);
  if (!tb?.scan) throw notFound("任务书签章扫描件尚未上传。", "The signed scan is not uploaded yet.");
  const bytes = await deps.files.get(tb.scan.sha256);
  if (!bytes) throw notFound();
  return { ...tb.scan, bytes };
}
