import { addDays, addMonths, chinaDateOf, makeResidentId } from "@luoshu/domain";
import {
  completeReview,
  entrustDemoCall,
  type LoginAs,
  ok,
  scan,
} from "../packages/server/src/db/seed/demo-review.ts";
import { apiSessions } from "./decision-helpers.ts";

/**
 * What the tracking walk (tracking.test.ts) needs before its browser part, through the API as the
 * people would do it: a Luoyang 重大科技创新专项 guide (pre-funded 60/20/20, LY-FUNDS §13(一)) drawn
 * up, co-issued by finance and published; the demo PI's application with a one-year period, three
 * milestones and three budget lines, through the district, the formal check and the bureau's expert
 * review; the proposed list through the leader, the city government and the notice to an issued
 * project; its task book signed and its first node paid.
 *
 * With `program: "publicWelfare"` the same walk makes a 公益科研项目 instead, paid by post-subsidy after
 * its grade (LY-REFORM §三(四)2): its guide is not co-issued (LY-FUNDS §12 names pre-funded programs),
 * its review is entrusted to the agency (LY-REFORM §三(二)1), and nothing is paid on signing.
 */

const day = 86_400_000;
export const title = "高精度轴承套圈智能磨削装备研制";
const upload = (name: string) => ({
  "content-type": "application/octet-stream",
  "x-file-name": encodeURIComponent(name),
});

/** The application's plan: a year from `start`, milestones at 3, 9 and 12 months, three lines (¥550,000). */
export function planOf(start: string) {
  const endDate = addDays(addMonths(start, 12), -1);
  return {
    startDate: start,
    endDate,
    milestones: [
      {
        dueDate: addMonths(start, 3),
        description: "完成磨削工艺方案设计与材料选型",
        deliverable: "工艺设计报告",
      },
      { dueDate: addMonths(start, 9), description: "完成样机试制与台架调试", deliverable: "样机 1 台" },
      { dueDate: endDate, description: "完成用户现场验证", deliverable: "验证报告" },
    ],
    lines: [
      { category: "materials", amountFen: 30_000_000 },
      { category: "testing", amountFen: 20_000_000 },
      { category: "travelMeetings", amountFen: 5_000_000 },
    ],
  };
}

interface Clock {
  now(): Date;
  advance(days: number): Promise<void>;
}

export type SetupProgram = "majorInnovation" | "publicWelfare";
const programNames: Record<SetupProgram, string> = {
  majorInnovation: "重大科技创新专项",
  publicWelfare: "公益科研项目",
};

/** A Luoyang guide's draft: one direction, the usual criteria and checklist, one call open for 60 days. */
export function luoyangGuide(g: {
  titleZh: string;
  program: string;
  year: number;
  summaryZh: string;
  direction: { titleZh: string; descriptionZh: string };
  maxFen: number;
  now: Date;
}) {
  return {
    titleZh: g.titleZh,
    program: g.program,
    year: g.year,
    summaryZh: g.summaryZh,
    directions: [g.direction],
    eligibility: { unitKinds: ["university", "institute", "enterprise", "newRdInstitution"] },
    amountRange: { minFen: 0, maxFen: g.maxFen },
    criteria: [
      { nameZh: "创新性与技术路线", weight: 50 },
      { nameZh: "研究基础与团队", weight: 30 },
      { nameZh: "预期效益", weight: 20 },
    ],
    formalChecklist: [
      { code: "complete", textZh: "申报书各部分填写完整" },
      { code: "commitment", textZh: "承诺书已签字盖章并上传" },
    ],
    calls: [
      {
        nameZh: "第一批",
        opensAt: new Date(g.now.getTime() - day).toISOString(),
        closesAt: new Date(g.now.getTime() + 60 * day).toISOString(),
      },
    ],
  };
}

/** The walk up to a signed (and, when pre-funded, first-paid) project; answers its id, number and plan. */
export async function signedMajorInnovationProject(
  url: string,
  clock: Clock,
  options: { program?: SetupProgram; title?: string } = {},
) {
  const program = options.program ?? "majorInnovation";
  const preFunded = program === "majorInnovation";
  const projectTitle = options.title ?? title;
  const today = () => chinaDateOf(clock.now());
  const year = Number(today().slice(0, 4));
  const plan = planOf(today());
  let api = apiSessions(url);
  let as: LoginAs = api.as;
  await ok(await as("ly-finance"), "PUT", `/api/budget/control-numbers/${year}`, {
    amountFen: 500_000_000,
    docNumber: `洛财预〔${year}〕8号`,
  });

  // the guide: drawn up by the bureau, co-issued by finance (LY-FUNDS §12), published by the leader
  const officer = await as("ly-officer");
  const guide = await ok(
    officer,
    "POST",
    "/api/guides",
    luoyangGuide({
      titleZh: `${year}年度洛阳市${programNames[program]}申报指南`,
      program,
      year,
      summaryZh: "聚焦洛阳都市圈产业发展的重大科技创新需求。",
      direction: { titleZh: "高端装备关键核心技术", descriptionZh: "轴承、磨削装备等关键技术攻关。" },
      maxFen: 200_000_000,
      now: clock.now(),
    }),
  );
  await ok(officer, "POST", `/api/guides/${guide.id}/events/submitForReview`);
  if (preFunded) await ok(await as("ly-finance"), "POST", `/api/guides/${guide.id}/events/coIssue`);
  await ok(await as("ly-leader"), "POST", `/api/guides/${guide.id}/events/publish`);
  const callId = guide.calls[0].id as string;

  // the demo PI applies; the unit commits; the district recommends; the agency's formal check passes
  const pi = await as("ly-pi");
  const { id } = await ok(pi, "POST", "/api/applications", { callId, title: projectTitle });
  await ok(pi, "PUT", `/api/applications/${id}/content`, {
    basic: {
      title: projectTitle,
      abstract: "研制面向高精度轴承套圈的智能磨削装备，实现磨削过程在线监测与自适应控制。",
      keywords: "轴承套圈；智能磨削；在线监测",
      field: preFunded ? "" : "socialDevelopment",
      startDate: plan.startDate,
      endDate: plan.endDate,
    },
    content: {
      researchContent: "一、磨削工艺方案设计；二、在线监测与自适应控制；三、样机试制与用户验证。",
      objectives: "研制智能磨削样机 1 台，圆度误差不大于 0.5 μm。",
    },
    targets: [{ kind: "other", description: "智能磨削样机", value: 1, unit: "台" }],
    milestones: plan.milestones,
    team: [
      {
        name: "周博",
        role: "pi",
        title: "研究员",
        unitName: "",
        workMonths: 10,
        idNumber: makeResidentId("41030519860312001"),
      },
    ],
    budget: { lines: plan.lines },
    funding: { selfRaisedFen: 10_000_000, coFundingFen: 0 },
  });
  await ok(pi, "POST", `/api/applications/${id}/commitment`, { as: "pi" });
  await ok(await as("ly-unit"), "POST", `/api/applications/${id}/commitment`, { as: "unit" });
  await ok(pi, "PUT", `/api/applications/${id}/attachments/commitmentScan`, scan, upload("承诺书.pdf"));
  await ok(pi, "POST", `/api/applications/${id}/submit`);
  await ok(await as("ly-district"), "POST", `/api/applications/${id}/district-review`, {
    event: "recommend",
    rank: 1,
  });
  await ok(await as("ly-agency"), "POST", `/api/applications/${id}/formal-check`, {
    event: "formalPass",
    checklist: guide.content.formalChecklist.map((c: { code: string }) => ({ code: c.code, ok: true })),
  });

  // the bureau organises the review of a major innovation project itself (LY-FUNDS §12); a public
  // welfare project's it entrusts to the agency (LY-REFORM §三(二)1)
  if (!preFunded) await entrustDemoCall(as, callId, year);
  const organiser = preFunded ? officer : await as("ly-agency");
  const reviewPlan = await ok(organiser, "POST", "/api/review-plans", { callId });
  await ok(organiser, "PUT", `/api/review-plans/${reviewPlan.id}/settings`, {
    ...reviewPlan.settings,
    reviewersPerApplication: 3,
  });
  await ok(organiser, "POST", `/api/review-plans/${reviewPlan.id}/assign`);
  await ok(organiser, "POST", `/api/review-plans/${reviewPlan.id}/publish`);
  await completeReview(as, organiser, reviewPlan.id, () => 86);

  // the proposed list: selected, decided collectively, approved, on notice
  const list = await ok(officer, "POST", "/api/decisions/lists", { callId });
  await ok(officer, "PATCH", `/api/decisions/lists/${list.id}`, {
    entries: list.entries.map((e: { applicationId: string; amountFen: number }) => ({
      applicationId: e.applicationId,
      decision: "selected",
      reserveOrder: null,
      departureReason: null,
      amountFen: e.amountFen,
    })),
    // one project, its PI not a young researcher (LY-PLAN §六(二))
    youthShareReason: "本批次仅一项重大科技创新专项，由资深团队牵头承担。",
  });
  await ok(officer, "PUT", `/api/decisions/lists/${list.id}/collective-decision`, {
    meeting: "局长办公会",
    heldOn: today(),
    attendees: "局长、分管副局长、计划科、财务科负责人",
    decision: "同意按专家评审意见立项支持。",
  });
  await ok(
    officer,
    "PUT",
    `/api/decisions/lists/${list.id}/collective-decision/attachment`,
    scan,
    upload("局长办公会纪要.pdf"),
  );
  const fire = async (u: string, event: string, body: object = {}) =>
    ok(await as(u), "POST", `/api/decisions/lists/${list.id}/events/${event}`, body);
  await fire("ly-officer", "submit");
  const approved = await fire("ly-leader", "leaderApprove", { note: "同意。" });
  if (approved.nextEvent === "recordCityGovernment")
    await fire("ly-officer", "recordCityGovernment", {
      approvedOn: today(),
      docNumber: `洛政文〔${year}〕61号`,
    });
  await fire("ly-officer", "startNotice");
  await api.dispose();

  // the notice has run its working days
  await clock.advance(14);
  api = apiSessions(url);
  as = api.as;
  const closed = await fire("ly-officer", "closeNotice");
  if (closed.steps?.coSign) await fire("ly-finance", "coSign", { note: "同意" });
  await fire("ly-officer", "issue");
  const items = (await ok(await as("ly-officer"), "GET", "/api/projects")).items as {
    id: string;
    number: string;
    title: string;
  }[];
  const project = items.find((p) => p.title === projectTitle);
  if (!project) throw new Error(`the issued project "${projectTitle}" is not listed`);

  // the task book drawn, confirmed on both sides and signed; the first node (60 %) paid
  const unit = await as("ly-unit");
  const pid = project.id;
  await ok(await as("ly-officer"), "POST", `/api/projects/${pid}/task-book`);
  await ok(unit, "POST", `/api/projects/${pid}/task-book/events/confirmUnit`);
  await ok(await as("ly-officer"), "POST", `/api/projects/${pid}/task-book/events/confirmBureau`);
  await ok(
    unit,
    "PUT",
    `/api/projects/${pid}/task-book/scan?signedOn=${today()}`,
    scan,
    upload("计划任务书（签章）.pdf"),
  );
  if (!preFunded) {
    await api.dispose();
    return { ...project, plan };
  }
  const key = `tracking-${project.number}-first`;
  const payment = await ok(
    await as("ly-officer"),
    "POST",
    `/api/projects/${pid}/payments`,
    { node: "first", note: "任务书签订后首笔拨款" },
    { "idempotency-key": `${key}-prepare` },
  );
  await ok(await as("ly-finance"), "POST", `/api/payments/${payment.id}/events/approve`, {});
  await ok(
    await as("ly-officer"),
    "POST",
    `/api/payments/${payment.id}/events/pay`,
    { treasuryRef: `LY-GK-${year}-0301` },
    { "idempotency-key": `${key}-pay` },
  );
  await api.dispose();
  return { ...project, plan };
}

/** The usernames of pool experts by their ids (the city's officer reads the pool). */
export async function usernamesOf(url: string, ids: readonly string[], prefix = "ly"): Promise<string[]> {
  const api = apiSessions(url);
  const pool = (await ok(await api.as(`${prefix}-officer`), "GET", "/api/experts?pageSize=200")).items as {
    id: string;
    username: string;
  }[];
  await api.dispose();
  return ids.map((id) => pool.find((e) => e.id === id)?.username ?? "");
}

/** The project's tracking as the city's officer reads it. */
export async function trackingOf(url: string, projectId: string, prefix = "ly") {
  const api = apiSessions(url);
  const tracking = await ok(await api.as(`${prefix}-officer`), "GET", `/api/projects/${projectId}/tracking`);
  await api.dispose();
  return tracking;
}
