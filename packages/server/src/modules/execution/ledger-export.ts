import { type Policy, projectFigures, selectPolicy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { DocumentRenderer } from "../../lib/documents/render-pool.ts";
import type { Repositories } from "../../repositories.ts";

type Deps = {
  repos: Pick<Repositories, "execution" | "ledger" | "projects">;
  policies: Policy[];
  documents: DocumentRenderer;
};

/** 资金台账 as .xlsx: the projects in scope (of one year, if asked) with their balances and payments. */
export async function ledgerExport(deps: Deps, ctx: CallerContext, year: number | null): Promise<Buffer> {
  const cityId = ctx.actor.cityId ?? "";
  const [rows, postings, payments, districtNames] = await Promise.all([
    deps.repos.projects.projectsInScope(ctx.scope),
    deps.repos.ledger.allPostings(cityId),
    deps.repos.execution.payments(ctx.scope, null),
    deps.repos.execution.districtNames(cityId),
  ]);
  const policy = selectPolicy(deps.policies, cityId, ctx.now);
  const inYear = rows.filter(({ p }) => year === null || p.year === year);
  const ids = new Set(inYear.map(({ p }) => p.id));
  return deps.documents.render("ledgerBook", {
    cityNameZh: policy?.cityNameZh ?? cityId,
    projects: inYear.map(({ p, unitName, districtCode }) => {
      const { committedFen, paidFen, returnedFen } = projectFigures(postings, p.id);
      return {
        number: p.number,
        title: p.title,
        unitName,
        districtName: districtNames.get(districtCode) ?? districtCode,
        programName: policy?.programs.find((x) => x.code === p.program)?.nameZh ?? p.program,
        year: p.year,
        approvedFen: p.amountFen,
        committedFen,
        paidFen,
        returnedFen,
      };
    }),
    payments: payments
      .filter((r) => ids.has(r.pay.projectId))
      .map((r) => ({
        number: r.number,
        unitName: r.unitName,
        node: r.pay.node,
        amountFen: r.pay.amountFen,
        status: r.pay.status,
        preparedAt: r.pay.preparedAt,
        paidAt: r.pay.paidAt,
        treasuryRef: r.pay.treasuryRef ?? "",
      })),
    generatedAt: ctx.now,
  });
}
