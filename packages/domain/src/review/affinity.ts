/**
 * How well an expert fits an application (评审匹配度), between 0 and 1: a discipline match with the
 * application's panel and the share of the expert's keywords that occur among the application's
 * terms (jieba words of its title, keywords, field and abstract, cut by the server). Three decimals,
 * so that the solver's optimum and its certificate are compared on the numbers people see.
 */

/** Weights of the two parts; a city may tune them later, today they are the platform's. */
export const affinityWeights = { discipline: 0.6, keywords: 0.4 } as const;

export interface AffinityExpert {
  /** GB/T 13745 codes: three digits for a first-level discipline, five for a second-level one. */
  disciplines: readonly string[];
  /** The expert's keywords, each cut into terms: a keyword matches when all its terms occur. */
  keywordTerms: readonly (readonly string[])[];
}

export interface AffinityApplication {
  panelDisciplines: readonly string[];
  terms: ReadonlySet<string>;
}

/** 1 for a discipline of the panel (or one inside it), ½ for a sibling under the same first level, else 0. */
export function disciplineMatch(expert: readonly string[], panel: readonly string[]): number {
  let best = 0;
  for (const e of expert) {
    for (const p of panel) {
      if (e === p || e.startsWith(p)) return 1;
      if (e.slice(0, 3) === p.slice(0, 3)) best = 0.5;
    }
  }
  return best;
}

export function keywordMatch(
  keywordTerms: readonly (readonly string[])[],
  terms: ReadonlySet<string>,
): number {
  const usable = keywordTerms.filter((k) => k.length > 0);
  if (usable.length === 0) return 0;
  const hits = usable.filter((k) => k.every((t) => terms.has(t))).length;
  return hits / usable.length;
}

export function affinity(expert: AffinityExpert, application: AffinityApplication): number {
  const raw =
    affinityWeights.discipline * disciplineMatch(expert.disciplines, application.panelDisciplines) +
    affinityWeights.keywords * keywordMatch(expert.keywordTerms, application.terms);
  return Math.round(raw * 1000) / 1000;
}
