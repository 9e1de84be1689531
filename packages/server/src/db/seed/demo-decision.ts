import { chinaDateOf } from "@luoshu/domain";
import {
  completeReview,
  type DemoProject,
  entrustDemoCall,
  type LoginAs,
  ok,
  passDemoApplications,
  scan,
} from "./demo-review.ts";

/**
 * The demo's decision, walked through the API on the first start: each city's second batch is
 * reviewed to the end by its experts, the finance bureau sets the year's control number, and the
 * program officer draws the proposed list (two selected, one in reserve), records the collective
 * decision with its minutes and submits it. So `ly-leader` and `dt-leader` find a list to approve.
 */
const projects: Record<string, DemoProject[]> = {
  ly: [
    {
      title: "洛阳市科技型中小企业梯次培育机制研究",
      abstract: "研究科技型中小企业到高新技术企业的梯次培育路径与政策。",
      keywords: "科技型中小企业；梯次培育",
      researchContent: "一、企业画像；二、培育路径；三、政策工具。",
    },
    {
      title: "龙门实验室成果本地转化模式研究",
      abstract: "研究高能级平台科技成果在本地转化的组织模式与利益分配。",
      keywords: "成果转化；创新平台",
      researchContent: "一、案例梳理；二、模式比较；三、机制设计。",
    },
    {
      title: "县域科技创新能力评价研究",
      abstract: "构建县域科技创新能力评价指标并开展测评。",
      keywords: "县域创新；评价指标",
      researchContent: "一、指标体系；二、数据测算；三、提升路径。",
    },
  ],
  dt: [
    {
      title: "大同数字经济与实体经济融合路径研究",
      abstract: "研究数字技术赋能传统产业转型的路径与政策。",
      keywords: "数字经济；产业融合",
      researchContent: "一、现状评估；二、典型场景；三、政策建议。",
    },
    {
      title: "大同市技术转移服务体系建设研究",
      abstract: "研究技术转移机构、技术经纪人与交易平台的协同机制。",
      keywords: "技术转移；服务体系",
      researchContent: "一、体系现状；二、国内比较；三、建设方案。",
    },
    {
      title: "煤基新材料产业技术路线图研究",
      abstract: "面向煤基新材料产业绘制技术路线图。",
      keywords: "煤基新材料；技术路线图",
      researchContent: "一、技术清单；二、专家研判；三、路线图编制。",
    },
  ],
};

const scores = [88, 82, 76];

export async function walkDemoDecision(as: LoginAs, now: Date) {
  const year = Number(chinaDateOf(now).slice(0, 4));
  for (const prefix of ["ly", "dt"]) {
    const { callId, ids } = await passDemoApplications(as, prefix, year, 3, {
      callIndex: 1,
      projects: projects[prefix],
    });
    if (prefix === "ly") await entrustDemoCall(as, callId, year);
    const organiser = await as(prefix === "ly" ? "ly-agency" : "dt-officer");
    const plan = await ok(organiser, "POST", "/api/review-plans", { callId });
    await ok(organiser, "POST", `/api/review-plans/${plan.id}/assign`);
    await ok(organiser, "POST", `/api/review-plans/${plan.id}/publish`);
    await completeReview(as, organiser, plan.id, (id) => scores[ids.indexOf(id)] ?? 60);

    const finance = await as(`${prefix}-finance`);
    await ok(finance, "PUT", `/api/budget/control-numbers/${year}`, {
      amountFen: 500_000_000,
      docNumber: prefix === "ly" ? `洛财预〔${year}〕8号` : `同财教〔${year}〕3号`,
    });
    const officer = await as(`${prefix}-officer`);
    const list = await ok(officer, "POST", "/api/decisions/lists", { callId });
    await ok(officer, "PATCH", `/api/decisions/lists/${list.id}`, {
      entries: list.entries.map((e: { applicationId: string; rank: number; amountFen: number }) => ({
        applicationId: e.applicationId,
        decision: e.rank <= 2 ? "selected" : "reserve",
        reserveOrder: e.rank <= 2 ? null : 1,
        departureReason: null,
        amountFen: e.amountFen,
      })),
    });
    await ok(officer, "PUT", `/api/decisions/lists/${list.id}/collective-decision`, {
      meeting: "局长办公会",
      heldOn: chinaDateOf(now),
      attendees: "局长、分管副局长、计划科、财务科负责人",
      decision: "同意按专家评审排名提出前两项为拟立项项目，第三名列为递补。",
    });
    await ok(officer, "PUT", `/api/decisions/lists/${list.id}/collective-decision/attachment`, scan, {
      "content-type": "application/octet-stream",
      "x-file-name": encodeURIComponent("局长办公会纪要.pdf"),
    });
    await ok(officer, "POST", `/api/decisions/lists/${list.id}/events/submit`, {});
  }
}
