import { type GuideContentInput, guideContentSchema, type IntegrityKind } from "@luoshu/domain";
import type { Audit } from "../../lib/transaction.ts";
import type { Tx } from "../client.ts";
import { calls, guides, integrityRecords } from "../schema/index.ts";

const day = 24 * 3600 * 1000;

/** One published guide per city with a call open around the seed date, so the path can be walked at once. */
function demoGuides(
  now: Date,
): { cityId: string; policyVersion: string; coIssued: boolean; content: GuideContentInput }[] {
  // Two batches: the demo walks the first to the experts' invitations and the second to a proposed list.
  const calls = ["第一批", "第二批"].map((nameZh) => ({
    nameZh,
    opensAt: new Date(now.getTime() - day).toISOString(),
    closesAt: new Date(now.getTime() + 90 * day).toISOString(),
  }));
  const common = {
    year: now.getUTCFullYear(),
    amountRange: { minFen: 0, maxFen: 3_000_000 },
    criteria: [
      { nameZh: "研究意义与必要性", weight: 30 },
      { nameZh: "研究内容与技术路线", weight: 40 },
      { nameZh: "研究基础与团队", weight: 30 },
    ],
    requiredAttachments: [{ code: "proposal", nameZh: "研究方案（PDF）", required: false }],
    formalChecklist: [
      { code: "complete", textZh: "申报书各部分填写完整" },
      { code: "commitment", textZh: "承诺书已签字盖章并上传" },
      { code: "eligible", textZh: "申报单位符合指南申报条件" },
    ],
    districtQuota: 10,
    calls,
  };
  return [
    {
      cityId: "luoyang",
      policyVersion: "2025",
      // pre-funded: issued together with the finance bureau (LY-FUNDS §12)
      coIssued: true,
      content: {
        ...common,
        titleZh: `${now.getUTCFullYear()}年度洛阳市软科学研究计划项目申报指南`,
        program: "softScience",
        summaryZh:
          "围绕科技创新战略规划研究、产业创新与技术预见、政策法规体系构建、区域高效协同创新等方面开展研究。",
        directions: [
          { titleZh: "科技创新战略规划研究", descriptionZh: "洛阳都市圈科技创新战略与路径。" },
          { titleZh: "产业创新与技术预见", descriptionZh: "“四新一装备”风口产业技术预见。" },
        ],
        eligibility: {
          unitKinds: ["university", "institute", "hospital", "enterprise", "newRdInstitution"],
          districts: [],
          minCoFundingFen: 0,
        },
      },
    },
    {
      cityId: "datong",
      policyVersion: "2025",
      coIssued: false,
      content: {
        ...common,
        titleZh: `${now.getUTCFullYear()}年度大同市软科学计划项目申报指南`,
        program: "softScience",
        summaryZh: "围绕大同市经济、政治、文化、社会、生态文明建设等领域开展研究。",
        directions: [{ titleZh: "能源革命与产业转型研究", descriptionZh: "煤炭清洁高效利用与新能源产业。" }],
        eligibility: {
          unitKinds: ["university", "institute", "hospital", "enterprise", "newRdInstitution"],
          districts: [],
          minCoFundingFen: 0,
        },
      },
    },
  ];
}

export async function seedDemoCalls(
  tx: Tx,
  audit: Audit,
  now: Date,
  ids: { officers: Record<string, string>; finance: Record<string, string> },
) {
  for (const g of demoGuides(now)) {
    const coIssuer = g.coIssued ? ids.finance[g.cityId] : undefined;
    const content = guideContentSchema.parse(g.content);
    const [guide] = await tx
      .insert(guides)
      .values({
        cityId: g.cityId,
        policyVersion: g.policyVersion,
        program: content.program,
        year: content.year,
        titleZh: content.titleZh,
        content,
        status: "published",
        createdBy: ids.officers[g.cityId] ?? "",
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
        ...(coIssuer ? { coIssuedBy: coIssuer, coIssuedAt: now } : {}),
      })
      .returning();
    if (!guide) throw new Error("demo guide not created");
    await tx.insert(calls).values(
      content.calls.map((c, position) => ({
        cityId: g.cityId,
        guideId: guide.id,
        position,
        nameZh: c.nameZh,
        opensAt: new Date(c.opensAt),
        closesAt: new Date(c.closesAt),
      })),
    );
    audit({
      action: "guide.publish",
      entityType: "guide",
      entityId: guide.id,
      cityId: g.cityId,
      after: { titleZh: content.titleZh },
    });
  }
}

/** A few sanctions so the eligibility gates can be seen refusing (LY-FUNDS §25, DT-RULES §22). */
export async function seedDemoIntegrity(tx: Tx, audit: Audit, now: Date, unitIds: Record<string, string>) {
  const today = now.toISOString().slice(0, 10);
  const nextYear = new Date(now.getTime() + 365 * day).toISOString().slice(0, 10);
  const rows: {
    cityId: string;
    unitKey: string;
    kind: IntegrityKind;
    untilDate: string | null;
    reason: string;
    clause: string;
  }[] = [
    {
      cityId: "luoyang",
      unitKey: "luoyang/materials",
      kind: "eligibilityBan",
      untilDate: nextYear,
      reason: "预算编报中虚报设备费（示例记录）",
      clause: "LY-FUNDS §25",
    },
    {
      cityId: "datong",
      unitKey: "datong/materials",
      kind: "blacklist",
      untilDate: null,
      reason: "弄虚作假，项目被撤销（示例记录）",
      clause: "DT-RULES §22",
    },
    {
      cityId: "luoyang",
      unitKey: "luoyang/hospital",
      kind: "reprimand",
      untilDate: null,
      reason: "进展报告逾期（示例记录，不影响申报）",
      clause: "LY-FUNDS §25",
    },
  ];
  for (const r of rows) {
    const unitId = unitIds[r.unitKey];
    if (!unitId) continue;
    const [rec] = await tx
      .insert(integrityRecords)
      .values({
        cityId: r.cityId,
        subject: "unit",
        unitId,
        kind: r.kind,
        fromDate: today,
        untilDate: r.untilDate,
        reason: r.reason,
        clause: r.clause,
        createdAt: now,
      })
      .returning();
    audit({
      action: "integrity.create",
      entityType: "integrityRecord",
      entityId: rec?.id,
      cityId: r.cityId,
      after: { unitId, kind: r.kind },
    });
  }
}
