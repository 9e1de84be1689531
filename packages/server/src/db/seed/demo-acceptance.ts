import { type LoginAs, ok } from "./demo-review.ts";

/**
 * 结题验收 of a Datong directed commission in the demo (DT-RULES §23): the demo unit submits what it
 * achieved against its targets, its S&T report, its settlement by budget line and the integrity
 * commitment; the bureau convenes the city's panel from the expert pool (none conflicted), each
 * expert scores the five aspects, and the bureau passes it with the grade the mean earns (良). Datong
 * returns the balance after acceptance to the treasury (a city setting): the unit gives back half of
 * it, and the rest stays outstanding on the project's page.
 */
export async function acceptDemoProject(as: LoginAs, projectId: string) {
  const unit = await as("dt-unit");
  const tracking = await ok(unit, "GET", `/api/projects/${projectId}/tracking`);
  const { targets, settlement } = tracking.terms as {
    targets: { value: number }[];
    settlement: { category: string }[];
  };
  const paidFen = (await ok(unit, "GET", `/api/projects/${projectId}`)).money.paidFen as number;
  await ok(unit, "POST", `/api/projects/${projectId}/acceptance`, {
    achievements: targets.map((x, index) => ({
      index,
      achieved: x.value,
      evidence: "第三方检测报告及用户使用证明（附件）",
    })),
    report:
      "项目完成黄花菜低温干制与护色工艺研究，建成示范生产线一条，产品经第三方检测各项指标达到任务书要求，已在两家企业推广应用。",
    // drawn without an application, the commission settles by the city's categories: nine tenths of
    // what was paid went on equipment and materials, the rest is the balance the city's rule returns
    settlement: settlement.map((l, i) => ({
      category: l.category,
      spentFen: i === 0 ? Math.floor((paidFen * 4) / 10) : i === 1 ? Math.floor((paidFen * 5) / 10) : 0,
    })),
    commitment: true,
  });
  const officer = await as("dt-officer");
  const candidates = (await ok(officer, "GET", `/api/projects/${projectId}/assessment-candidates`)).items as {
    expertId: string;
    conflicts: string[];
  }[];
  const pool = (await ok(officer, "GET", "/api/experts?pageSize=200")).items as {
    id: string;
    username: string;
  }[];
  const panel = candidates
    .filter((c) => c.conflicts.length === 0)
    .slice(0, tracking.acceptance.panelSize as number);
  const convened = await ok(officer, "POST", `/api/projects/${projectId}/assessments`, {
    kind: "acceptance",
    expertIds: panel.map((c) => c.expertId),
    note: "结题验收专家组",
  });
  const assessment = convened.acceptance.assessments.at(-1) as { id: string; criteria: unknown[] };
  for (const [i, c] of panel.entries()) {
    const username = pool.find((e) => e.id === c.expertId)?.username ?? "";
    await ok(await as(username), "POST", `/api/assessments/${assessment.id}/sheet`, {
      scores: assessment.criteria.map((_, k) => 82 + ((i + k) % 5)),
      comment: "项目完成任务书规定的考核指标，资料齐全，经费使用基本规范，同意通过验收。",
    });
  }
  await ok(
    await as("dt-officer"),
    "POST",
    `/api/projects/${projectId}/assessments/${assessment.id}/events/pass`,
    {
      note: "验收专家组一致同意通过验收。",
    },
  );
  const due = (await ok(officer, "GET", `/api/projects/${projectId}`)).life.closures.find(
    (c: { kind: string }) => c.kind === "settlement",
  ) as { dueFen: number } | undefined;
  if (!due) throw new Error("the demo's accepted project left no balance due");
  await ok(
    officer,
    "POST",
    `/api/projects/${projectId}/returns`,
    { amountFen: Math.floor(due.dueFen / 2), reference: "DT-JY-JY-0001" },
    { "idempotency-key": `demo-dt-balance-${projectId}` },
  );
}
