import {
  type LedgerFinding,
  type LedgerProject,
  suspensionsOf,
  verifyLedger,
  yearFigures,
} from "@luoshu/domain";
import type { ExecutionRepository } from "../execution/execution.repository.ts";
import type { ProjectLifeRepository } from "../project-life/project-life.repository.ts";
import type { LedgerRepository } from "./ledger.repository.ts";

export interface CityLedgerReport {
  cityId: string;
  postings: number;
  findings: LedgerFinding[];
  years: ({ year: number } & ReturnType<typeof yearFigures>)[];
}

/**
 * The live ledger checked against every invariant (packages/domain/src/ledger/verify.ts), city by
 * city, with each year's figures: what `npm run ledger:verify` prints.
 */
export async function checkLedger(repos: {
  ledger: Pick<LedgerRepository, "allPostings">;
  execution: Pick<ExecutionRepository, "ledgerProjects">;
  projectLife: Pick<ProjectLifeRepository, "suspensionsOf">;
}): Promise<CityLedgerReport[]> {
  const [postings, projects, suspensions] = await Promise.all([
    repos.ledger.allPostings(null),
    repos.execution.ledgerProjects(null),
    repos.projectLife.suspensionsOf(null),
  ]);
  const cities = [...new Set([...postings.map((p) => p.cityId), ...projects.map((p) => p.cityId)])].sort();
  return cities.map((cityId) => {
    const own = postings.filter((p) => p.cityId === cityId);
    const known = new Map<string, LedgerProject>(
      projects
        .filter((p) => p.cityId === cityId)
        .map((p) => [
          p.id,
          {
            projectId: p.id,
            year: p.year,
            approvedFen: p.amountFen,
            nodes: p.content?.nodes ?? [],
            suspensions: suspensionsOf(suspensions.filter((s) => s.projectId === p.id)),
          },
        ]),
    );
    const years = [...new Set(own.map((p) => p.year))].sort((a, b) => a - b);
    return {
      cityId,
      postings: own.length,
      findings: verifyLedger(own, known),
      years: years.map((year) => ({ year, ...yearFigures(own, year) })),
    };
  });
}
