import { applicationMachine, budgetGroups, memberFacts, type Policy, targetKindNames } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { commitmentBasisOf } from "../../lib/documents/commitment-letter.ts";
import type { DocumentRenderer } from "../../lib/documents/render-pool.ts";
import { allApplicationListColumns } from "../../lib/documents/xlsx.ts";
import type { GuidesRepository } from "../guides/guides.repository.ts";
import type { UnitsRepository } from "../units/units.repository.ts";
import { numberOf } from "./applications.dto.ts";
import type { ApplicationFilter, ApplicationsRepository } from "./applications.repository.ts";
import { findVisibleApplication } from "./read-applications.ts";

type Deps = {
  repos: {
    applications: Pick<ApplicationsRepository, "find" | "listWithContent">;
    guides: Pick<GuidesRepository, "find" | "findCall">;
    units: Pick<UnitsRepository, "find">;
  };
  policies: readonly Policy[];
  /** Renders off the request thread (render-pool.ts); the use cases only gather plain data for it. */
  documents: Pick<DocumentRenderer, "render">;
};
type Input = { ctx: CallerContext; id: string };

async function gather(deps: Deps, { ctx, id }: Input) {
  const row = await findVisibleApplication(deps, ctx, id);
  const whole = { kind: "city", cityId: row.cityId } as const;
  const [call, guide, unit] = await Promise.all([
    deps.repos.guides.findCall(whole, row.callId),
    deps.repos.guides.find(whole, row.guideId),
    deps.repos.units.find(whole, row.unitId),
  ]);
  const policy = deps.policies.find((p) => p.city === row.cityId && p.version === row.policyVersion);
  if (!call || !guide || !unit || !policy)
    throw new Error(`application ${row.id} lost its call, guide, unit or policy`);
  return { row, call, guide: guide.guide, unit, policy, content: row.content };
}

/** The application as PDF: every section and the budget table. */
export async function applicationPdf(deps: Deps, input: Input): Promise<Buffer> {
  const { row, call, guide, unit, policy, content } = await gather(deps, input);
  const program = policy.programs.find((p) => p.code === guide.program);
  const pi = content.team.find((m) => m.role === "pi");
  const categories = new Map<string, (typeof policy.budget.categories)[number]>(
    policy.budget.categories.map((c) => [c.code, c]),
  );
  const c = content.content;
  return deps.documents.render("applicationPdf", {
    header: {
      cityNameZh: policy.cityNameZh,
      guideTitle: guide.titleZh,
      callTitle: call.nameZh,
      applicationNo: numberOf(row, deps.policies),
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
        const cat = categories.get(l.category);
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
    generatedAt: input.ctx.now,
  });
}

/** The commitment letter (承诺书, LY-FUNDS §24) to print, sign, seal and upload. */
export async function commitmentLetterPdf(deps: Deps, input: Input): Promise<Buffer> {
  const { row, call, guide, unit, policy, content } = await gather(deps, input);
  return deps.documents.render("commitmentLetter", {
    cityNameZh: policy.cityNameZh,
    addresseeZh: `${policy.cityNameZh}科学技术局`,
    guideTitle: guide.titleZh,
    callTitle: call.nameZh,
    applicationNo: numberOf(row, deps.policies),
    applicationTitle: content.basic.title || row.title,
    unit: { name: unit.nameZh, uscc: unit.uscc },
    legalRepresentative: unit.legalRepresentative,
    principalInvestigator: content.team.find((m) => m.role === "pi")?.name ?? "",
    basis: commitmentBasisOf(policy),
    generatedAt: input.ctx.now,
  });
}

/** The application list with the same filters, as .xlsx. */
export async function applicationListXlsx(
  deps: Deps,
  input: { ctx: CallerContext; filter: ApplicationFilter },
): Promise<Buffer> {
  const { filter } = input;
  const items = await deps.repos.applications.listWithContent(input.ctx.scope, filter, 5000);
  const described =
    Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${v}`)
      .join("；") || "全部";
  return deps.documents.render("applicationList", {
    rows: items.map((x) => {
      const content = x.application.content;
      return {
        applicationNo: numberOf(x.application, deps.policies),
        title: x.application.title,
        programNameZh: "",
        callTitle: "",
        unitName: x.unitNameZh,
        uscc: "",
        principalInvestigator: content.team.find((m) => m.role === "pi")?.name ?? "",
        statusZh: applicationMachine.labels[x.application.status].zh,
        requestedFen: x.application.requestedFen,
        selfRaisedFen: content.funding.selfRaisedFen,
        totalFen: x.application.requestedFen + content.funding.selfRaisedFen + content.funding.coFundingFen,
        startDate: content.basic.startDate || undefined,
        endDate: content.basic.endDate || undefined,
        submittedAt: x.application.submittedAt,
        updatedAt: x.application.updatedAt,
      };
    }),
    options: {
      filtersDescription: described,
      generatedAt: input.ctx.now,
      columns: allApplicationListColumns.filter((c) => !["programNameZh", "callTitle", "uscc"].includes(c)),
    },
  });
}
