import { type LoginAs, ok } from "./demo-review.ts";

/**
 * The demo's joint research (Luoyang, LY-REFORM §三(一)2–§三(二)2), walked through the API on the
 * first start: the demo enterprise sets two questions, the program officer scores both with the
 * experts' argument and lists the stronger one, and the laboratory proposes its research. So
 * `ly-officer` finds a proposal waiting for the joint committee's review, and `ly-lab` a task.
 */
export async function walkDemoJoint(as: LoginAs) {
  const unit = await as("ly-unit");
  const officer = await as("ly-officer");
  const lab = await as("ly-lab");
  const ask = (title: string, problem: string, expectedOutcome: string, wan: number) =>
    ok(unit, "POST", "/api/joint-research", {
      title,
      problem,
      expectedOutcome,
      enterpriseFundingFen: wan * 1_000_000,
    });
  const strong = await ask(
    "大兆瓦风电主轴承滚动体表面强化技术",
    "大兆瓦风电主轴承滚动体在重载和冲击工况下易早期剥落，国产产品寿命与进口差距明显。",
    "滚动体接触疲劳寿命提高 30%，完成装机验证。",
    200,
  );
  const weaker = await ask(
    "轴承生产线数字孪生运维",
    "轴承生产线设备状态依赖人工巡检，停机损失大，缺少预测性维护手段。",
    "建成一条数字孪生示范产线，非计划停机减少 20%。",
    80,
  );
  const argument =
    "经专家咨询论证：该问题属于风电装备产业链的关键共性技术，龙门实验室在表面工程方向有积累，技术路线可行。";
  const assess = (id: string, advancement: number, leverage: number, feasibility: number) =>
    ok(officer, "POST", `/api/joint-research/${id}/events/assess`, {
      scores: { advancement, leverage, feasibility },
      argument,
    });
  await assess(strong.id, 8, 8, 6);
  await assess(weaker.id, 5, 6, 7);
  await ok(officer, "POST", `/api/joint-research/${strong.id}/events/list`, {
    note: "列入年度重大攻关任务清单。",
  });
  await ok(lab, "POST", `/api/joint-research/${strong.id}/events/propose`, {
    leaderName: "宋岩",
    plan: "实验室联合需求企业开展滚动体表面激光冲击强化与涂层复合工艺研究，建设中试验证平台。",
    withEnterprise: true,
    laboratoryFundingFen: 300_000_000,
    enterpriseFundingFen: 200_000_000,
    months: 24,
  });
}
