import type { ChallengeDto, PublicChallengeDto } from "@luoshu/contract";
import {
  allowedEvents,
  type ChallengeEvent,
  challengeMachine,
  challengeStepCheck,
  checkOpenChallenge,
  checkShortlist,
  chinaDateOf,
  citeSource,
  DomainError,
  decisionSteps,
  fire,
  notAfterToday,
  notFound,
  type Policy,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { policyOf } from "../reviews/review-access.ts";
import type { BidRow, ChallengeRow } from "./challenges.repository.ts";
import { mustBeCityUnit, noticeFrom, policyInForce, stepRecordOf } from "./decision-shared.ts";
import { issueProjects, reserveNumbers } from "./issue-projects.ts";

type Repos = Pick<
  Repositories,
  "challenges" | "decisions" | "projects" | "reviews" | "notifications" | "units"
>;
type Deps = { repos: Repos; policies: Policy[]; tx: Transactor<Repos> };
/** What reading challenges takes. */
type ReadDeps = { repos: Pick<Repos, "challenges">; policies: Policy[] };

const challengeNotFound = () => notFound("榜单不存在。", "No such challenge.");
const bureau = (ctx: CallerContext) =>
  ctx.actor.roles.some((r) => r === "programOfficer" || r === "bureauLeader" || r === "financeOfficer");
const sourceOf = (policy: Policy, program: string) => {
  const mode = policy.programs
    .find((p) => p.code === program)
    ?.selectionModes.find((m) => m.mode === "openChallenge");
  return mode ? citeSource(mode.source) : {};
};

export interface ChallengeInput {
  program: string;
  title: string;
  requirements: string;
  technicalIndicators: string;
  performanceTargets: string;
  governmentFundingFen: number;
  enterpriseCoFundingFen: number;
  demandUnitId: string;
  bidDeadline: string;
}

/** 张榜 drafted by the program officer in a program whose policy runs open challenges. */
export async function draftChallenge(deps: Deps, input: { ctx: CallerContext; body: ChallengeInput }) {
  const { ctx, body } = input;
  const { cityId, policy } = policyInForce(deps.policies, ctx);
  checkOpenChallenge(policy, body.program);
  const row = await deps.tx.run(ctx, async (repos, audit) => {
    await mustBeCityUnit(repos.units, cityId, body.demandUnitId, "demandUnitId");
    const row = await repos.challenges.insert({
      cityId,
      ...body,
      bidDeadline: new Date(body.bidDeadline),
      year: Number(chinaDateOf(ctx.now).slice(0, 4)),
      status: "draft",
      policyVersion: policy.version,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    audit({
      action: "decision.challenge.create",
      entityType: "openChallenge",
      entityId: row.id,
      cityId,
      after: body,
    });
    return row;
  });
  return readChallenge(deps, ctx, row.id);
}

export interface ChallengeStepInput {
  bidIds?: string[];
  signedOn?: string;
  approvedOn?: string;
  docNumber?: string;
}

/** One step of the challenge; every step is recorded and audited, and the award numbers its projects. */
export async function fireChallengeEvent(
  deps: Deps,
  input: { ctx: CallerContext; id: string; event: ChallengeEvent; body: ChallengeStepInput },
) {
  const { ctx, event, body } = input;
  const cityId = ctx.actor.cityId ?? "";
  await deps.tx.run(ctx, async (repos, audit) => {
    const c = await repos.challenges.lock(cityId, input.id);
    if (!c) throw challengeNotFound();
    const to = fire(challengeMachine, c.status, event, ctx.actor.roles);
    const policy = policyOf(deps.policies, cityId, c.policyVersion);
    const refused = challengeStepCheck(decisionSteps(policy, c.program), c.status, event);
    if (refused) throw refused;
    const bids = (await repos.challenges.bids(cityId, [c.id])).map((r) => r.b);
    const changes: Partial<ChallengeRow> = { status: to, updatedAt: ctx.now };
    if (event === "publish" && c.bidDeadline <= ctx.now) {
      throw new DomainError({
        code: "VALIDATION",
        path: "bidDeadline",
        messageZh: "揭榜截止时间须晚于现在。",
        messageEn: "The bid deadline must lie ahead.",
      });
    }
    if (event === "shortlist") await shortlist(repos, policy, c, bids, body.bidIds ?? [], ctx.now);
    if (event === "startNotice") {
      Object.assign(changes, noticeFrom(policy, ctx.now));
    }
    if (event === "closeNotice" && c.noticeEndsAt && ctx.now < c.noticeEndsAt) {
      throw new DomainError({ code: "DECISION_NOTICE_RUNNING", ...sourceOf(policy, c.program) });
    }
    if (event === "recordCityGovernment") {
      if (!body.approvedOn || !body.docNumber) {
        throw new DomainError({
          code: "VALIDATION",
          path: body.approvedOn ? "docNumber" : "approvedOn",
          messageZh: "请填写市政府批准的日期和文号。",
          messageEn: "Give the date and document number of the city government's approval.",
        });
      }
      changes.cityGovernment = {
        ...stepRecordOf(ctx, null),
        approvedOn: notAfterToday(ctx.now, "approvedOn", body.approvedOn),
        docNumber: body.docNumber,
      };
    }
    if (event === "coSign") changes.coSign = stepRecordOf(ctx, null);
    if (event === "recordAgreement") {
      for (const field of ["signedOn", "docNumber"] as const) {
        if (!body[field]) {
          throw new DomainError({
            code: "VALIDATION",
            path: field,
            messageZh: "请填写三方协议的签订日期和编号。",
            messageEn: "Give the tripartite agreement's date and number.",
          });
        }
      }
      changes.agreement = {
        ...stepRecordOf(ctx, null),
        signedOn: body.signedOn ?? "",
        docNumber: body.docNumber ?? "",
      };
    }
    if (event === "announce") {
      await award(deps.policies, repos, policy, c, bids, ctx);
      changes.announcedAt = ctx.now;
    }
    await repos.challenges.update(c, changes);
    audit({
      action: `decision.challenge.${event}`,
      entityType: "openChallenge",
      entityId: c.id,
      cityId,
      before: { status: c.status },
      after: { status: to, ...body },
    });
  });
  return readChallenge(deps, ctx, input.id);
}

async function shortlist(
  repos: Repos,
  policy: Policy,
  c: ChallengeRow,
  bids: BidRow[],
  chosen: string[],
  now: Date,
) {
  if (now < c.bidDeadline) {
    throw new DomainError({
      code: "DECISION_STEP_PENDING",
      messageZh: "揭榜截止后方可提出拟中榜名单。",
      messageEn: "Propose the shortlist after the bid deadline.",
    });
  }
  checkShortlist(
    policy,
    c.program,
    bids.map((b) => ({ id: b.id, status: b.status, agreementOnRecord: b.negotiation !== null })),
    chosen,
  );
  for (const b of bids) {
    if (b.status === "withdrawn") continue;
    const picked = chosen.includes(b.id);
    // each awarded team receives the funding the challenge list published (赛马: teams in parallel)
    await repos.challenges.updateBid(b, {
      status: picked ? "shortlisted" : "notSelected",
      amountFen: picked ? c.governmentFundingFen : null,
    });
  }
}

/** 发布公告: each shortlisted bid becomes a numbered project; every bidder is told. */
async function award(
  policies: readonly Policy[],
  repos: Repos,
  policy: Policy,
  c: ChallengeRow,
  bids: BidRow[],
  ctx: CallerContext,
) {
  const winners = bids.filter((b) => b.status === "shortlisted");
  const numberOf = await reserveNumbers(repos, policy, c, winners.length);
  await issueProjects(
    repos,
    policies,
    ctx,
    { ...c, origin: "openChallenge", numberOf, fallback: policy },
    winners.map((b) => ({
      applicationId: null,
      callId: null,
      listId: null,
      challengeId: c.id,
      unitId: b.unitId,
      piUserId: b.submittedBy,
      title: c.title,
      amountFen: b.amountFen ?? c.governmentFundingFen,
      piYouth: null,
    })),
  );
  for (const b of bids) {
    const won = b.status === "shortlisted";
    await repos.notifications.notifyApplicant(
      { cityId: c.cityId, unitId: b.unitId, piUserId: b.submittedBy, createdBy: null },
      {
        titleZh: won ? `“${c.title}”揭榜成功，已发布中榜公告` : `“${c.title}”未中榜`,
        titleEn: won ? `Your bid for "${c.title}" won` : `Your bid for "${c.title}" was not selected`,
        link: "/challenges",
        createdAt: ctx.now,
      },
    );
  }
}

/** 揭榜: a unit bids while the challenge is open, before its deadline; one bid per unit. */
export async function submitBid(
  deps: Deps,
  input: { ctx: CallerContext; id: string; body: { leaderName: string; approach: string } },
) {
  const { ctx } = input;
  const cityId = ctx.actor.cityId ?? "";
  const unitId = ctx.actor.unitId;
  if (!unitId)
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh: "揭榜须以单位身份提交。",
      messageEn: "A bid comes from a unit.",
    });
  await deps.tx.run(ctx, async (repos, audit) => {
    const c = await repos.challenges.lock(cityId, input.id);
    if (!c || c.status === "draft") throw challengeNotFound();
    if (c.status !== "open" || ctx.now >= c.bidDeadline) throw new DomainError({ code: "CHALLENGE_CLOSED" });
    const bid = await repos.challenges.insertBid({
      cityId,
      challengeId: c.id,
      unitId,
      ...input.body,
      status: "submitted",
      submittedBy: ctx.actor.userId,
      submittedAt: ctx.now,
    });
    audit({
      action: "decision.challenge.bid",
      entityType: "openChallenge",
      entityId: c.id,
      cityId,
      after: { bidId: bid.id, unitId },
    });
  });
  return readChallenge(deps, ctx, input.id);
}

/** 揭榜磋商: the officer records the negotiation and the preliminary cooperation agreement of a bid. */
export async function recordNegotiation(
  deps: Deps,
  input: {
    ctx: CallerContext;
    id: string;
    bidId: string;
    body: { record: string; agreementSignedOn: string };
  },
) {
  const { ctx } = input;
  const cityId = ctx.actor.cityId ?? "";
  await deps.tx.run(ctx, async (repos, audit) => {
    const c = await repos.challenges.lock(cityId, input.id);
    if (!c) throw challengeNotFound();
    if (c.status !== "open")
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "榜单不在揭榜阶段。",
        messageEn: "The challenge is not taking bids.",
      });
    const bid = (await repos.challenges.bids(cityId, [c.id])).find((r) => r.b.id === input.bidId)?.b;
    if (!bid) throw notFound("揭榜申请不存在。", "No such bid.");
    await repos.challenges.updateBid(bid, {
      status: "negotiated",
      negotiation: {
        ...stepRecordOf(ctx, input.body.record),
        agreementSignedOn: input.body.agreementSignedOn,
      },
    });
    audit({
      action: "decision.challenge.negotiation",
      entityType: "openChallenge",
      entityId: c.id,
      cityId,
      after: { bidId: bid.id, ...input.body },
    });
  });
  return readChallenge(deps, ctx, input.id);
}

/** The city's challenges the caller sees; `mine` keeps those waiting for a step of the caller's own. */
export async function listChallenges(deps: ReadDeps, ctx: CallerContext, query: { mine?: boolean } = {}) {
  const cityId = ctx.actor.cityId ?? "";
  const rows = await deps.repos.challenges.list(cityId);
  const visible = bureau(ctx) ? rows : rows.filter((r) => r.c.status !== "draft");
  const bids = await deps.repos.challenges.bids(
    cityId,
    visible.map((r) => r.c.id),
  );
  const views = visible.map((r) =>
    challengeView(
      deps.policies,
      ctx,
      r,
      bids.filter((b) => b.b.challengeId === r.c.id),
    ),
  );
  return query.mine ? views.filter(waitsForCaller) : views;
}

/**
 * Whether a challenge waits for the caller: a forward step is theirs, or a bid waits for its
 * negotiation. Bidding is a unit's choice and withdrawing the list an option, not work waiting.
 */
function waitsForCaller(v: ChallengeDto): boolean {
  return v.allowedActions.some(
    (a) =>
      (a !== "bid" && a !== "cancel" && a !== "recordNegotiation") ||
      (a === "recordNegotiation" && v.bids.some((b) => b.status === "submitted")),
  );
}

async function readChallenge(deps: ReadDeps, ctx: CallerContext, id: string) {
  const found = (await listChallenges(deps, ctx)).find((c) => c.id === id);
  if (!found) throw challengeNotFound();
  return found;
}

type BidView = Awaited<ReturnType<Repos["challenges"]["bids"]>>[number];

function challengeView(
  policies: readonly Policy[],
  ctx: CallerContext,
  r: { c: ChallengeRow; demandUnitName: string },
  bids: BidView[],
): ChallengeDto {
  const { c } = r;
  const policy = policyOf(policies, c.cityId, c.policyVersion);
  const mine = bureau(ctx) ? bids : bids.filter((b) => b.b.unitId === ctx.actor.unitId);
  const steps = decisionSteps(policy, c.program);
  // the machine's events less the steps this program's decision does not take
  const stepChecks = new Map(
    allowedEvents(challengeMachine, c.status, ctx.actor.roles).map((e) => [
      e,
      challengeStepCheck(steps, c.status, e),
    ]),
  );
  const events = [...stepChecks]
    .filter(([, refused]) => refused?.code !== "DECISION_NOT_APPLICABLE")
    .map(([e]) => e);
  const open = c.status === "open" && ctx.now < c.bidDeadline;
  // steps the caller could take, but not yet: the UI disables them with these reasons
  const waits: { action: ChallengeEvent; reasonZh: string; reasonEn: string }[] = [
    ...(open
      ? [
          {
            action: "shortlist" as const,
            reasonZh: "揭榜截止后方可提出拟中榜名单。",
            reasonEn: "Propose the shortlist after the bid deadline.",
          },
        ]
      : []),
    ...(c.noticeEndsAt && ctx.now < c.noticeEndsAt
      ? [
          {
            action: "closeNotice" as const,
            reasonZh: "公示期尚未结束。",
            reasonEn: "The notice period has not ended.",
          },
        ]
      : []),
    // a step of the city's decision still to come first (city government, co-sign)
    ...[...stepChecks].flatMap(([action, refused]) =>
      refused?.code === "DECISION_STEP_PENDING"
        ? [{ action, reasonZh: refused.messageZh, reasonEn: refused.message }]
        : [],
    ),
  ];
  const mayBid =
    open &&
    ctx.actor.unitId !== null &&
    ctx.actor.roles.some((x) => x === "unitAdmin" || x === "principalInvestigator");
  return {
    id: c.id,
    program: c.program,
    programName: policy.programs.find((p) => p.code === c.program)?.nameZh ?? c.program,
    year: c.year,
    title: c.title,
    requirements: c.requirements,
    technicalIndicators: c.technicalIndicators,
    performanceTargets: c.performanceTargets,
    governmentFundingFen: c.governmentFundingFen,
    enterpriseCoFundingFen: c.enterpriseCoFundingFen,
    demandUnitId: c.demandUnitId,
    demandUnitName: r.demandUnitName,
    bidDeadline: c.bidDeadline.toISOString(),
    status: c.status,
    noticeEndsAt: c.noticeEndsAt?.toISOString() ?? null,
    agreement: c.agreement ? { signedOn: c.agreement.signedOn, docNumber: c.agreement.docNumber } : null,
    steps: {
      cityGovernment: steps.cityGovernment ? citeSource(steps.cityGovernment) : null,
      coSign: steps.coSign ? citeSource(steps.coSign) : null,
    },
    cityGovernment: c.cityGovernment
      ? { approvedOn: c.cityGovernment.approvedOn, docNumber: c.cityGovernment.docNumber }
      : null,
    coSigned: c.coSign ? { byName: c.coSign.byName, at: c.coSign.at } : null,
    announcedAt: c.announcedAt?.toISOString() ?? null,
    source: sourceOf(policy, c.program),
    bids: mine.map(({ b, unitName, projectNumber }) => ({
      id: b.id,
      unitId: b.unitId,
      unitName,
      leaderName: b.leaderName,
      approach: b.approach,
      status: b.status,
      negotiation: b.negotiation
        ? {
            record: b.negotiation.note ?? "",
            agreementSignedOn: b.negotiation.agreementSignedOn,
            at: b.negotiation.at,
          }
        : null,
      amountFen: b.amountFen,
      projectNumber,
      submittedAt: b.submittedAt.toISOString(),
    })),
    allowedActions: [
      ...events.filter((e) => !waits.some((w) => w.action === e)),
      ...(mayBid && !mine.length ? (["bid"] as const) : []),
      ...(c.status === "open" && ctx.actor.roles.includes("programOfficer")
        ? (["recordNegotiation"] as const)
        : []),
    ],
    blocked: waits.filter((w) => events.includes(w.action)),
  };
}

/** The challenge lists as the public reads them: open ones, shortlists in notice, awards. */
export async function publicChallenges(deps: ReadDeps): Promise<PublicChallengeDto[]> {
  const rows = await deps.repos.challenges.list(null, [
    "open",
    "inNotice",
    "noticeClosed",
    "coSigned",
    "agreed",
    "announced",
  ]);
  const out: PublicChallengeDto[] = [];
  for (const r of rows) {
    const policy = policyOf(deps.policies, r.c.cityId, r.c.policyVersion);
    const bids = r.c.status === "open" ? [] : await deps.repos.challenges.bids(r.c.cityId, [r.c.id]);
    out.push({
      id: r.c.id,
      cityNameZh: policy.cityNameZh,
      title: r.c.title,
      requirements: r.c.requirements,
      technicalIndicators: r.c.technicalIndicators,
      performanceTargets: r.c.performanceTargets,
      governmentFundingFen: r.c.governmentFundingFen,
      enterpriseCoFundingFen: r.c.enterpriseCoFundingFen,
      demandUnitName: r.demandUnitName,
      bidDeadline: r.c.bidDeadline.toISOString(),
      status: r.c.status,
      noticeEndsAt: r.c.noticeEndsAt?.toISOString() ?? null,
      shortlist: bids
        .filter((b) => b.b.status === "shortlisted")
        .map((b) => ({ unitName: b.unitName, leaderName: b.b.leaderName, projectNumber: b.projectNumber })),
      source: sourceOf(policy, r.c.program),
    });
  }
  return out;
}
