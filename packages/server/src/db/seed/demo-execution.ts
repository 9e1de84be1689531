import { addDays, addYears, chinaDateOf } from "@luoshu/domain";
import { acceptDemoProject } from "./demo-acceptance.ts";
import { type LoginAs, ok, scan } from "./demo-review.ts";

const day = 86_400_000;
const upload = {
  "content-type": "application/octet-stream",
  "x-file-name": encodeURIComponent("计划任务书（签章）.pdf"),
};

/** What the walk moves: a clock of its own, set back to when the demo's projects were approved. */
export interface PastClock {
  now(): Date;
  set(d: Date): void;
}

/**
 * The demo's projects in execution, walked through the API as their people would have done it over
 * the last four weeks, on a clock of the walk's own (a notice takes working days): in Luoyang a
 * 重大科技创新专项 open challenge (揭榜挂帅, pre-funded 60/20/20), in Datong a directed commission
 * (DT-RULES §14). Each gets its task book drawn, confirmed by both sides and signed, and its first
 * node paid after finance's approval; a second Luoyang node waits for its mid-term assessment. Three
 * more Datong commissions end: terminated, revoked, and accepted. So
 * `ly-finance` and `dt-finance` find paid figures in the ledger, and `npm run ledger:verify` has a
 * real ledger to check.
 */
export async function walkDemoExecution(signIn: () => LoginAs, clock: PastClock, now: Date) {
  const at = (daysAgo: number) => {
    clock.set(new Date(now.getTime() - daysAgo * day));
    // sessions end when the clock jumps past their idle time: each jump signs in afresh
    return signIn();
  };
  const today = () => chinaDateOf(clock.now());
  let as = at(40);
  const year = Number(today().slice(0, 4));
  for (const prefix of ["ly", "dt"]) {
    await ok(await as(`${prefix}-finance`), "PUT", `/api/budget/control-numbers/${year}`, {
      amountFen: 500_000_000,
      docNumber: prefix === "ly" ? `洛财预〔${year}〕8号` : `同财教〔${year}〕3号`,
    });
  }

  // 揭榜挂帅 in Luoyang's 重大科技创新专项 (LY-FUNDS §14(一)): 张榜, a bid and its negotiation
  const lyOfficer = await as("ly-officer");
  const units = (await ok(lyOfficer, "GET", "/api/units?pageSize=200")).items as {
    id: string;
    kind: string;
  }[];
  const demand = units.find((u) => u.kind === "enterprise");
  if (!demand) throw new Error("no demo enterprise");
  const challenge = await ok(lyOfficer, "POST", "/api/challenges", {
    program: "majorInnovation",
    title: "大功率风电主轴承国产化关键技术攻关",
    requirements: "面向 10 MW 以上风电机组，攻克主轴承设计、材料与热处理关键技术，完成样机验证。",
    technicalIndicators: "主轴承设计寿命不低于 20 年，样机通过台架试验。",
    performanceTargets: "完成样机 1 套，申请发明专利 3 项，形成企业标准 1 项。",
    governmentFundingFen: 200_000_000,
    enterpriseCoFundingFen: 400_000_000,
    demandUnitId: demand.id,
    bidDeadline: new Date(clock.now().getTime() + 3 * day).toISOString(),
  });
  const fire = async (u: string, event: string, body: object = {}) =>
    ok(await as(u), "POST", `/api/challenges/${challenge.id}/events/${event}`, body);
  await fire("ly-officer", "publish");
  const bid = (
    await ok(await as("ly-unit"), "POST", `/api/challenges/${challenge.id}/bids`, {
      leaderName: "周博",
      approach: "以渗碳轴承钢超纯净冶炼与仿真驱动的滚道设计为主线，联合需求企业完成样机台架验证。",
    })
  ).bids[0];
  await ok(lyOfficer, "POST", `/api/challenges/${challenge.id}/bids/${bid.id}/negotiation`, {
    record: "揭榜方与需求方就考核指标、样机验证方案和配套资金达成一致。",
    agreementSignedOn: today(),
  });
  // 定向委托 in Datong (DT-RULES §14): its reasons and basis in public notice first
  const dtUnit = (await ok(await as("dt-unit"), "GET", "/api/auth/me")).unit.id;
  const commission = await ok(await as("dt-officer"), "POST", "/api/directed-commissions", {
    program: "keyRnd",
    title: "矿井突水应急监测预警技术攻关",
    unitId: dtUnit,
    reason: "urgentWork",
    basis: "经局长办公会研究，雨季前须完成重点矿区突水监测预警系统部署，定向委托具备条件的单位承担。",
    amountFen: 80_000_000,
  });
  await ok(await as("dt-officer"), "POST", `/api/directed-commissions/${commission.id}/events/publish`);
  const ending = await draftEndingCommissions(as, dtUnit);

  as = at(36);
  const shortlisted = await fire("ly-officer", "shortlist", { bidIds: [bid.id] });
  if (shortlisted.allowedActions.includes("recordCityGovernment")) {
    await fire("ly-officer", "recordCityGovernment", {
      approvedOn: today(),
      docNumber: `洛政文〔${year}〕21号`,
    });
  }
  await fire("ly-officer", "startNotice");

  // three weeks on, both notices have run their working days, holidays or not
  as = at(14);
  const closed = await fire("ly-officer", "closeNotice");
  if (closed.steps?.coSign) await fire("ly-finance", "coSign");
  await fire("ly-officer", "recordAgreement", { signedOn: today(), docNumber: `洛科三方〔${year}〕3号` });
  const awarded = await fire("ly-leader", "announce");
  const approved = await ok(
    await as("dt-leader"),
    "POST",
    `/api/directed-commissions/${commission.id}/events/approve`,
  );
  const numbers = [awarded.bids[0].projectNumber, approved.projectNumber];
  const endingNumbers: string[] = [];
  for (const id of ending) {
    const done = await ok(await as("dt-leader"), "POST", `/api/directed-commissions/${id}/events/approve`);
    endingNumbers.push(done.projectNumber);
  }
  const projects: { id: string; number: string }[] = [
    ...(await ok(await as("ly-officer"), "GET", "/api/projects")).items,
    ...(await ok(await as("dt-officer"), "GET", "/api/projects")).items,
  ];
  const ids = numbers.map((n) => projects.find((p) => p.number === n)?.id ?? "");
  const [terminated = "", revoked = "", accepted = ""] = endingNumbers.map(
    (n) => projects.find((p) => p.number === n)?.id ?? "",
  );
  const walk: [string, string][] = [
    ["ly", ids[0] ?? ""],
    ["dt", ids[1] ?? ""],
    ["dt", terminated],
    ["dt", accepted],
  ];

  as = at(8);
  for (const [prefix, projectId] of walk)
    await signTaskBook(as, prefix, projectId, today(), projectId === accepted ? 6 : undefined);
  as = at(5);
  for (const [prefix, projectId] of walk) await payFirstNode(as, prefix, projectId, year);
  as = at(3);
  await endDemoProjects(as, { terminated, revoked }, year);
  // a week from signing, the short project's period is over and its unit submits for acceptance
  as = at(1);
  await acceptDemoProject(as, accepted);
}

/**
 * Three more Datong directed commissions that end: one of the demo unit, terminated on its
 * application once its technical route proved infeasible (DT-RULES §20) and found diligent (DT-RULES
 * §5); one of another district's institute without a demo login, revoked for fraud before its task
 * book (DT-RULES §21–22), which puts that unit on the blacklist and leaves the demo accounts free to
 * apply; and a short one of the demo unit, accepted with its grade (DT-RULES §23).
 */
async function draftEndingCommissions(as: LoginAs, dtUnit: string): Promise<string[]> {
  const officer = await as("dt-officer");
  const institute = (
    await ok(
      officer,
      "GET",
      `/api/units?pageSize=200&keyword=${encodeURIComponent("大同市农业技术示范研究所")}`,
    )
  ).items[0]?.id as string | undefined;
  if (!institute) throw new Error("no demo institute in Datong");
  const drafts = [
    { title: "煤矸石制备陶粒中试线技术攻关", unitId: dtUnit, amountFen: 30_000_000 },
    { title: "旱作农业水肥一体化技术示范", unitId: institute, amountFen: 10_000_000 },
    { title: "黄花菜低温干制与护色关键技术研究", unitId: dtUnit, amountFen: 20_000_000 },
  ];
  const ids: string[] = [];
  for (const d of drafts) {
    const drafted = await ok(officer, "POST", "/api/directed-commissions", {
      program: "keyRnd",
      ...d,
      reason: "urgentWork",
      basis: "经局长办公会研究，该任务时效性强，定向委托具备条件的单位承担。",
    });
    await ok(officer, "POST", `/api/directed-commissions/${drafted.id}/events/publish`);
    ids.push(drafted.id);
  }
  return ids;
}

async function endDemoProjects(as: LoginAs, ids: { terminated: string; revoked: string }, year: number) {
  await ok(await as("dt-unit"), "POST", `/api/projects/${ids.terminated}/termination`, {
    ground: "infeasibleRoute",
    reason: "中试表明原定烧结工艺能耗远超任务书指标，技术路线不可行。",
    spentFen: 20_000_000,
  });
  const officer = await as("dt-officer");
  await ok(officer, "POST", `/api/projects/${ids.terminated}/termination/events/approve`, {
    note: "经专家论证，技术路线确不可行，同意终止，结余资金退回财政。",
  });
  await ok(
    officer,
    "POST",
    `/api/projects/${ids.terminated}/returns`,
    { amountFen: 10_000_000, reference: `DT-JY-${year}-0001` },
    { "idempotency-key": `demo-dt-return-${ids.terminated}` },
  );
  // 宽容失败 (DT-RULES §5): the route proved infeasible although the unit was diligent
  await ok(officer, "POST", `/api/projects/${ids.terminated}/diligence`, {
    finding:
      "经核查，项目组按任务书组织中试，工艺论证和经费使用符合规定，技术路线不可行系客观技术风险所致，认定勤勉尽责。",
  });
  await ok(officer, "POST", `/api/projects/${ids.revoked}/revocation`, {
    ground: "fraud",
    reason: "核查发现申报材料中的示范基地合作协议系伪造。",
  });
}

/** No application to take the period from: the bureau sets it, two years from signing unless given in days. */
async function signTaskBook(as: LoginAs, prefix: string, projectId: string, signedOn: string, days?: number) {
  const officer = await as(`${prefix}-officer`);
  const unit = await as(`${prefix}-unit`);
  await ok(officer, "POST", `/api/projects/${projectId}/task-book`, {
    period: { startDate: signedOn, endDate: days ? addDays(signedOn, days) : addYears(signedOn, 2) },
  });
  await ok(unit, "POST", `/api/projects/${projectId}/task-book/events/confirmUnit`);
  await ok(officer, "POST", `/api/projects/${projectId}/task-book/events/confirmBureau`);
  await ok(unit, "PUT", `/api/projects/${projectId}/task-book/scan?signedOn=${signedOn}`, scan, upload);
}

async function payFirstNode(as: LoginAs, prefix: string, projectId: string, year: number) {
  const officer = await as(`${prefix}-officer`);
  const project = await ok(officer, "GET", `/api/projects/${projectId}`);
  const node = project.nodes.find((n: { due: boolean }) => n.due);
  const key = `demo-${prefix}-${project.number}-${node.code}`;
  const payment = await ok(
    officer,
    "POST",
    `/api/projects/${projectId}/payments`,
    { node: node.code, note: "任务书签订后首笔拨款" },
    { "idempotency-key": `${key}-prepare` },
  );
  await ok(await as(`${prefix}-finance`), "POST", `/api/payments/${payment.id}/events/approve`, {});
  await ok(
    officer,
    "POST",
    `/api/payments/${payment.id}/events/pay`,
    { treasuryRef: `${prefix.toUpperCase()}-GK-${year}-0001` },
    { "idempotency-key": `${key}-pay` },
  );
}
