import {
  type Actor,
  type ApplicationContent,
  budgetGroups,
  memberFacts,
  type Policy,
  targetKindNames,
} from "@luoshu/domain";
import type { Db } from "../../db/client.ts";
import { renderApplicationPdf } from "../../lib/documents/application-pdf.ts";
import { commitmentBasisOf, renderCommitmentLetter } from "../../lib/documents/commitment-letter.ts";
import { allApplicationListColumns, renderApplicationList } from "../../lib/documents/xlsx.ts";
import { findCall, findGuide } from "../guides/guides.repository.ts";
import { findUnit } from "../units/units.repository.ts";
import { loadVisible } from "./access.ts";
import { applicationNo, toSummaryDto } from "./application-dto.ts";
import { type ApplicationFilter, listApplications } from "./applications.repository.ts";

async function gather(db: Db, actor: Actor, policies: Policy[], id: string) {
  const row = await loadVisible(db, actor, id);
  const [call, guide, unit] = await Promise.all([
    findCall(db, row.cityId, row.callId),
    findGuide(db, row.cityId, row.guideId),
    findUnit(db, row.unitId),
  ]);
  const policy = policies.find((p) => p.city === row.cityId && p.version === row.policyVersion);
  if (!call || !guide || !unit || !policy)
    throw new Error(`application ${row.id} lost its call, guide, unit or policy`);
  return { row, call, guide: guide.guide, unit, policy, content: row.content as ApplicationContent };
}

export async function applicationPdf(
  db: Db,
  actor: Actor,
  policies: Policy[],
  id: string,
  now: Date,
): Promise<Buffer> {
  const { row, call, guide, unit, policy, content } = await gather(db, actor, policies, id);
  const program = policy.programs.find((p) => p.code === guide.program);
  const pi = content.team.find((m) => m.role === "pi");
  const categories = new Map(policy.budget.categories.map((c) => [c.code, c]));
  const c = content.content;
  return renderApplicationPdf({
    header: {
      cityNameZh: policy.cityNameZh,
      guideTitle: guide.titleZh,
      callTitle: call.nameZh,
      applicationNo: applicationNo(row),
      revision: row.revision,
    },
    basics: {
      title: content.basic.title || row.title,
      programNameZh: program?.nameZh ?? guide.program,
      unit: { name: unit.nameZh, uscc: unit.uscc, districtNameZh: unit.districtNameZh ?? undefined },
      principalInvestigator: { name: pi?.name ?? "", titleZh: pi?.title },
      startDate: content.basic.startDate,
      endDate: content.basic.endDate,
      keywords: content.basic.keywords ? content.basic.keywords.split(/[,，;；\s]+/).filter(Boolean) : [],
      summary: content.basic.abstract,
    },
    research: [
      { titleZh: "立项背景与意义", body: c.background },
      { titleZh: "研究目标", body: c.objectives },
      { titleZh: "研究内容", body: c.researchContent },
      { titleZh: "技术路线", body: c.technicalRoute },
      { titleZh: "创新点", body: c.innovation },
      { titleZh: "研究基础", body: c.basis },
    ].filter((s) => s.body.trim()),
    targets: content.targets.map((t) => ({
      kindZh: targetKindNames[t.kind].zh,
      description: t.description,
      value: String(t.value),
      unit: t.unit,
    })),
    milestones: content.milestones,
    team: content.team.map((m) => ({
      name: m.name,
      idNumberMasked: m.idNumberMasked ?? "（未填写*）",
      age: memberFacts(m.birthDate, call.opensAt).age ?? 0,
      youth: memberFacts(m.birthDate, call.opensAt).youth,
      titleZh: m.title,
      unitName: m.unitName,
      roleZh: m.role === "pi" ? "项目负责人" : "成员",
      workMonths: m.workMonths,
    })),
    partners: content.partners.map((p) => ({ name: p.name, uscc: p.uscc, roleZh: p.role })),
    budget: {
      lines: content.budget.lines.map((l) => {
        const cat = categories.get(l.category as never);
        return {
          categoryNameZh: cat?.nameZh ?? l.category,
          group: cat?.group ?? budgetGroups[0],
          amountFen: l.amountFen,
          note: l.note,
        };
      }),
      selfRaisedFen: content.funding.selfRaisedFen,
      coFundingFen: content.funding.coFundingFen,
    },
    generatedAt: now,
  });
}

export async function commitmentLetterPdf(
  db: Db,
  actor: Actor,
  policies: Policy[],
  id: string,
  now: Date,
): Promise<Buffer> {
  const { row, call, guide, unit, policy, content } = await gather(db, actor, policies, id);
  return renderCommitmentLetter({
    cityNameZh: policy.cityNameZh,
    addresseeZh: `${policy.cityNameZh}科学技术局`,
    guideTitle: guide.titleZh,
    callTitle: call.nameZh,
    applicationNo: applicationNo(row),
    applicationTitle: content.basic.title || row.title,
    unit: { name: unit.nameZh, uscc: unit.uscc },
    legalRepresentative: unit.legalRepresentative,
    principalInvestigator: content.team.find((m) => m.role === "pi")?.name ?? "",
    basis: commitmentBasisOf(policy),
    generatedAt: now,
  });
}

export async function applicationListXlsx(
  db: Db,
  actor: Actor,
  filter: ApplicationFilter,
  now: Date,
): Promise<Buffer> {
  const { items } = await listApplications(db, actor, filter, 1, 5000);
  const described =
    Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${v}`)
      .join("；") || "全部";
  return renderApplicationList(
    items.map((x) => {
      const content = x.application.content as ApplicationContent;
      const dto = toSummaryDto(x.application, x);
      return {
        applicationNo: applicationNo(x.application),
        title: x.application.title,
        programNameZh: "",
        callTitle: "",
        unitName: x.unitNameZh,
        uscc: "",
        principalInvestigator: content.team.find((m) => m.role === "pi")?.name ?? "",
        statusZh: dto.statusZh,
        requestedFen: x.application.requestedFen,
        selfRaisedFen: content.funding.selfRaisedFen,
        totalFen: x.application.requestedFen + content.funding.selfRaisedFen + content.funding.coFundingFen,
        startDate: content.basic.startDate || undefined,
        endDate: content.basic.endDate || undefined,
        submittedAt: x.application.submittedAt,
        updatedAt: x.application.updatedAt,
      };
    }),
    {
      filtersDescription: described,
      generatedAt: now,
      columns: allApplicationListColumns.filter((c) => !["programNameZh", "callTitle", "uscc"].includes(c)),
    },
  );
}
