import { makeResidentId } from "@luoshu/domain";
import type { Client } from "../../lib/inject-client.ts";

/**
 * The demo's expert review, walked through the API as its people would (the first `npm start` runs
 * it after the seed): the demo PI's applications go through the district and the formal check; in
 * Luoyang the bureau entrusts the call's review to the agency (LY-REFORM §三(二)1), in Datong the
 * bureau runs it (DT-RULES §14(三)); the organiser makes the plan, assigns, puts the named demo
 * expert on one application with a recorded reason, and sends the invitations. So `ly-expert` and
 * `dt-expert` find real work on their first login.
 */

/** Signs a demo account in (the walk asks each account once). */
export type LoginAs = (username: string) => Promise<Client>;

/** A one-page PDF, the signed commitment letter's (and the meeting minutes') stand-in. */
export const scan = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export interface DemoProject {
  title: string;
  abstract: string;
  keywords: string;
  researchContent: string;
}

const projects: Record<string, DemoProject[]> = {
  ly: [
    {
      title: "洛阳都市圈科技创新生态评价研究",
      abstract: "构建都市圈创新生态评价指标体系并开展实证评价。",
      keywords: "创新生态；指标体系；都市圈",
      researchContent: "一、指标体系构建；二、数据采集与测算；三、对策建议。",
    },
    {
      title: "高端轴承产业技术预见研究",
      abstract: "面向轴承产业开展技术预见，识别关键共性技术。",
      keywords: "轴承；技术预见；产业链",
      researchContent: "一、专利与文献计量；二、德尔菲调查；三、技术路线图。",
    },
    {
      title: "科技成果转化政策效果评估",
      abstract: "评估本市科技成果转化激励政策的实施效果。",
      keywords: "成果转化；政策评估",
      researchContent: "一、政策梳理；二、双重差分评估；三、政策优化建议。",
    },
    {
      title: "新型研发机构绩效评价机制研究",
      abstract: "研究新型研发机构分类评价与绩效激励机制。",
      keywords: "新型研发机构；绩效评价",
      researchContent: "一、国内外比较；二、分类评价模型；三、激励机制设计。",
    },
  ],
  dt: [
    {
      title: "大同能源革命综合改革路径研究",
      abstract: "研究煤炭清洁高效利用与新能源协同发展路径。",
      keywords: "能源革命；煤炭清洁利用",
      researchContent: "一、现状评估；二、情景分析；三、路径与政策。",
    },
    {
      title: "氢能产业链培育政策研究",
      abstract: "研究氢能制储运用全链条培育政策。",
      keywords: "氢能；产业链；政策",
      researchContent: "一、产业链图谱；二、瓶颈识别；三、政策工具箱。",
    },
    {
      title: "煤机装备智能化转型研究",
      abstract: "研究煤机装备企业智能化转型的模式与支撑体系。",
      keywords: "煤机装备；智能化；转型",
      researchContent: "一、典型案例；二、成熟度评价；三、推进措施。",
    },
    {
      title: "科技金融支持中小企业创新研究",
      abstract: "研究科技信贷、创投与担保支持中小企业创新的机制。",
      keywords: "科技金融；中小企业",
      researchContent: "一、供需调研；二、机制设计；三、试点方案。",
    },
  ],
};

/** The content of a demo PI's soft science application (the city's PI by `prefix`), starting 1 July of `year`. */
export const demoApplicationContent = (p: DemoProject, prefix: string, year: number) => ({
  basic: {
    title: p.title,
    abstract: p.abstract,
    keywords: p.keywords,
    field: "policyRegulation",
    startDate: `${year}-07-01`,
    endDate: `${year + 1}-06-30`,
  },
  content: { researchContent: p.researchContent, objectives: "形成研究报告一份，提出可操作的政策建议。" },
  targets: [{ kind: "other", description: "研究报告", value: 1, unit: "份" }],
  milestones: [{ dueDate: `${year}-12-31`, description: "完成调研与中期报告", deliverable: "中期报告" }],
  team: [
    {
      name: prefix === "ly" ? "周博" : "郭磊",
      role: "pi",
      title: "研究员",
      unitName: "",
      workMonths: 6,
      idNumber: makeResidentId(prefix === "ly" ? "41030519860312001" : "14020219850615002"),
    },
  ],
  budget: {
    lines: [
      { category: "publicationIp", amountFen: 1_500_000 },
      { category: "travelMeetings", amountFen: 1_000_000 },
    ],
  },
  funding: { selfRaisedFen: 500_000, coFundingFen: 0 },
});

export async function ok(
  c: Client,
  method: "GET" | "POST" | "PUT" | "PATCH",
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const res = await c.request(method, url, body ?? (method === "GET" ? undefined : {}), headers);
  if (res.status >= 300)
    throw new Error(`demo review: ${method} ${url} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The demo PI's applications in one of the city's demo calls (the first unless `callIndex` says),
 * through the district and the formal check.
 */
export async function passDemoApplications(
  as: LoginAs,
  prefix: string,
  year: number,
  count = 4,
  options: { callIndex?: number; projects?: readonly DemoProject[] } = {},
): Promise<{ callId: string; ids: string[] }> {
  const [pi, unit, district, agency] = await Promise.all(
    ["pi", "unit", "district", "agency"].map((r) => as(`${prefix}-${r}`)),
  );
  if (!pi || !unit || !district || !agency) throw new Error("demo accounts missing");
  const guide = (await ok(pi, "GET", "/api/guides")).items[0];
  const callId = guide.calls[options.callIndex ?? 0].id as string;
  const ids: string[] = [];
  for (const [i, p] of (options.projects ?? projects[prefix] ?? []).slice(0, count).entries()) {
    const { id } = await ok(pi, "POST", "/api/applications", { callId, title: p.title });
    await ok(pi, "PUT", `/api/applications/${id}/content`, demoApplicationContent(p, prefix, year));
    await ok(pi, "POST", `/api/applications/${id}/commitment`, { as: "pi" });
    await ok(unit, "POST", `/api/applications/${id}/commitment`, { as: "unit" });
    await ok(pi, "PUT", `/api/applications/${id}/attachments/commitmentScan`, scan, {
      "content-type": "application/octet-stream",
      "x-file-name": encodeURIComponent("承诺书.pdf"),
    });
    await ok(pi, "POST", `/api/applications/${id}/submit`);
    await ok(district, "POST", `/api/applications/${id}/district-review`, {
      event: "recommend",
      rank: i + 1,
    });
    const checklist = guide.content.formalChecklist.map((c: { code: string }) => ({
      code: c.code,
      ok: true,
    }));
    await ok(agency, "POST", `/api/applications/${id}/formal-check`, { event: "formalPass", checklist });
    ids.push(id);
  }
  return { callId, ids };
}

/** The bureau entrusts the Luoyang call's review to the agency for the year. */
export async function entrustDemoCall(as: LoginAs, callId: string, year: number) {
  const officer = await as("ly-officer");
  await ok(officer, "POST", "/api/review-entrustments", {
    agencyName: "洛阳市科技评估中心（第三方评审机构）",
    callIds: [callId],
    periodFrom: `${year}-01-01`,
    periodUntil: `${year}-12-31`,
    scope: "软科学、公益科研项目的受理、专家评审组织与过程管理",
  });
}

/** Both cities' demo calls reviewed up to the invitations. */
export async function walkDemoReview(as: LoginAs, now: Date) {
  for (const prefix of ["ly", "dt"]) {
    const { callId } = await passDemoApplications(as, prefix, now.getUTCFullYear());
    if (prefix === "ly") await entrustDemoCall(as, callId, now.getUTCFullYear());
    const organiser = await as(prefix === "ly" ? "ly-agency" : "dt-officer");
    const plan = await ok(organiser, "POST", "/api/review-plans", { callId });
    // Management and economics (630, 790) for soft science: the panel's disciplines weigh the match.
    await ok(organiser, "PUT", `/api/review-plans/${plan.id}/settings`, {
      ...plan.settings,
      panels: [{ nameZh: "软科学评审组", disciplines: ["630", "790", "840"] }],
    });
    const assigned = await ok(organiser, "POST", `/api/review-plans/${plan.id}/assign`);
    // The named demo expert takes one place, so that their first login shows an invitation.
    const me = await ok(await as(`${prefix}-expert`), "GET", "/api/experts/me");
    const holds = assigned.items.some((i: { assignments: { expert: { id: string } }[] }) =>
      i.assignments.some((a) => a.expert.id === me.id),
    );
    if (!holds) {
      for (const item of assigned.items as {
        assignments: { id: string; expert: { unitName: string } }[];
        unitName: string;
      }[]) {
        const units = new Set(item.assignments.map((a) => a.expert.unitName));
        if (item.unitName === me.unit.nameZh) continue;
        const place =
          item.assignments.find((a) => a.expert.unitName === me.unit.nameZh) ??
          (units.has(me.unit.nameZh) ? undefined : item.assignments[0]);
        if (!place) continue;
        const res = await organiser.request(
          "POST",
          `/api/review-plans/${plan.id}/assignments/${place.id}/override`,
          {
            expertId: me.id,
            reason: "演示：请本市特聘专家参加评审",
          },
        );
        if (res.status === 200) break;
      }
    }
    await ok(organiser, "POST", `/api/review-plans/${plan.id}/publish`);
  }
}

/**
 * Every invited expert of a published plan signs the commitment, accepts and scores (each
 * application's experts alike, `scoreOf` per application), and the organiser completes the review.
 * Used by the demo's decision walk and by the decision tests.
 */
export async function completeReview(
  as: LoginAs,
  organiser: Client,
  planId: string,
  scoreOf: (applicationId: string) => number,
) {
  const plan = await ok(organiser, "GET", `/api/review-plans/${planId}`);
  const pool: { id: string; username: string }[] = (await ok(organiser, "GET", "/api/experts?pageSize=200"))
    .items;
  const usernameOf = new Map(pool.map((e) => [e.id, e.username]));
  for (const item of plan.items as {
    applicationId: string;
    assignments: { id: string; status: string; expert: { id: string } }[];
  }[]) {
    for (const a of item.assignments.filter((x) => x.status === "invited")) {
      const expert = await as(usernameOf.get(a.expert.id) ?? "");
      await ok(expert, "POST", `/api/my-reviews/${planId}/commitment`);
      await ok(expert, "POST", `/api/review-assignments/${a.id}/accept`);
      await ok(expert, "POST", `/api/review-assignments/${a.id}/submit`, {
        scores: plan.criteria.map(() => scoreOf(item.applicationId)),
        comment: "研究方案可行，建议支持。",
      });
    }
  }
  return ok(organiser, "POST", `/api/review-plans/${planId}/complete`);
}
