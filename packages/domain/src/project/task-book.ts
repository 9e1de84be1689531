import type { Role } from "../identity/roles.ts";
import type { UnitKind } from "../identity/unit.ts";
import { paymentSchedule } from "../ledger/disbursement.ts";
import {
  citeSource,
  type DisbursementTrigger,
  disbursementRuleOf,
  type Policy,
} from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 计划任务书 (DT-RULES §18; LY-FUNDS §13, §23): drawn up by the bureau from the approved project,
 * confirmed on the platform by the unit and by the bureau (in either order), then signed on paper
 * and its scan uploaded. Only a signed task book lets the project execute and its first node pay.
 */
export const taskBookStates = ["drafted", "confirmed", "signed"] as const;
export type TaskBookState = (typeof taskBookStates)[number];

const officer: readonly Role[] = ["programOfficer"];
const unit: readonly Role[] = ["unitAdmin"];

export const taskBookMachine = defineMachine({
  name: "taskBook",
  states: taskBookStates,
  labels: {
    drafted: { zh: "待双方确认", en: "awaiting both confirmations" },
    confirmed: { zh: "已确认，待上传签章扫描件", en: "confirmed, awaiting the signed scan" },
    signed: { zh: "已签订", en: "signed" },
  },
  transitions: {
    // Each side confirms once; the second confirmation moves it on (see confirmTaskBook).
    confirmBureau: { from: ["drafted"], to: "confirmed", roles: officer },
    confirmUnit: { from: ["drafted"], to: "confirmed", roles: unit },
    // The signed scan is uploaded by the unit, or by the bureau for a unit that brought paper.
    sign: { from: ["confirmed"], to: "signed", roles: [...unit, ...officer] },
  },
});
export type TaskBookEvent = keyof typeof taskBookMachine.transitions;

export interface TaskBookConfirmations {
  unitConfirmedAt: Date | null;
  bureauConfirmedAt: Date | null;
}

/** The state after one side confirms: confirmed once both have, refused if this side already did. */
export function confirmTaskBook(
  tb: TaskBookConfirmations & { status: TaskBookState },
  side: "unit" | "bureau",
): TaskBookState {
  const mine = side === "unit" ? tb.unitConfirmedAt : tb.bureauConfirmedAt;
  if (mine) {
    throw new DomainError({
      code: "CONFLICT",
      messageZh: "贵方已确认该任务书。",
      messageEn: "Your side has confirmed this task book already.",
    });
  }
  const other = side === "unit" ? tb.bureauConfirmedAt : tb.unitConfirmedAt;
  return other ? "confirmed" : "drafted";
}

/** Which confirmation a caller may still give: each side once, while the task book is drafted. */
export function taskBookActions(
  tb: TaskBookConfirmations & { status: TaskBookState },
  roles: readonly Role[],
): TaskBookEvent[] {
  const out: TaskBookEvent[] = [];
  if (tb.status === "drafted") {
    if (!tb.bureauConfirmedAt && roles.some((r) => officer.includes(r))) out.push("confirmBureau");
    if (!tb.unitConfirmedAt && roles.some((r) => unit.includes(r))) out.push("confirmUnit");
  }
  if (tb.status === "confirmed" && roles.some((r) => r === "unitAdmin" || r === "programOfficer"))
    out.push("sign");
  return out;
}

/** What the task book is drawn from: the project and, where it came from one, its application. */
export interface TaskBookSource {
  project: {
    number: string;
    title: string;
    program: string;
    year: number;
    amountFen: number;
    origin: string;
    unitName: string;
    piName: string | null;
    /** The other parties of a tripartite task book (揭榜挂帅: the enterprise that set the challenge). */
    thirdParty: string | null;
    /** Drawn into the lump-sum pilot by the bureau (see checkLumpSumPilot). */
    lumpSumPilot?: boolean;
  };
  application: TaskBookApplication | null;
  /** 起止日期 the bureau sets where there is no application to take them from. */
  period?: { startDate: string; endDate: string } | null;
}

/** What the task book takes from the approved application; no ID numbers, which it does not print. */
export interface TaskBookApplication {
  startDate: string;
  endDate: string;
  objectives: string;
  researchContent: string;
  targets: readonly { kind: string; description: string; value: number; unit: string }[];
  milestones: readonly { dueDate: string; description: string; deliverable: string }[];
  budgetLines: readonly { category: string; amountFen: number }[];
  team: readonly { name: string; role: string; title: string; unitName: string; workMonths: number }[];
  selfRaisedFen: number;
  coFundingFen: number;
}

export type Cited = { clause: string } | { setting: "city" };

export interface TaskBookContent {
  cityNameZh: string;
  bureauZh: string;
  number: string;
  title: string;
  program: string;
  programName: string;
  year: number;
  amountFen: number;
  unitName: string;
  piName: string | null;
  /** 揭榜挂帅: the unit, the enterprise that set the challenge and the bureau sign together. */
  tripartite: { thirdParty: string } | null;
  period: { startDate: string; endDate: string } | null;
  objectives: string;
  researchContent: string;
  /** The targets are the performance targets set with the budget (LY-FUNDS §23), checked at acceptance. */
  targets: TaskBookApplication["targets"][number][];
  milestones: TaskBookApplication["milestones"][number][];
  budgetLines: { category: string; categoryName: string; amountFen: number }[];
  team: TaskBookApplication["team"][number][];
  selfRaisedFen: number;
  coFundingFen: number;
  /**
   * 里程碑式管理 (LY-REFORM §三(三)3, soft science): the milestone due at or after the middle of the
   * period, whose targets the bureau supervises at mid-term.
   */
  midTermMilestone: {
    milestone: TaskBookApplication["milestones"][number] | null;
    source: Cited;
  } | null;
  /**
   * 包干制试点 (LY-FUNDS §13(一)): the unit sets and adjusts its own budget, and the PI's signature
   * reimburses; for independent research institutes the bureau draws into the pilot.
   */
  lumpSumPilot: { source: Cited } | null;
  /** 包干制 (LY-REFORM §三(四)3): one payment once signed; the unit manages the lump sum itself. */
  lumpSum: { source: Cited } | null;
  nodes: { code: string; after: DisbursementTrigger; amountFen: number; source: Cited }[];
  paymentBasis: Cited | null;
  /** The terms both sides agree to, as the bureau's template stood when the task book was drawn. */
  terms: TaskBookTerm[];
}

export interface TaskBookTerm {
  textZh: string;
  source: Cited | null;
}

/** The terms of the city's policy file, where the bureau has not edited its own. */
export const defaultTaskBookTerms = (policy: Policy): TaskBookTerm[] =>
  policy.taskBook.terms.map((t) => ({ textZh: t.textZh, source: citeSource(t.source) }));

/**
 * The task book's content, drawn once from the project, its application and the policy version the
 * project is bound to. The nodes are that policy's payment schedule of the approved amount; a program
 * the policy pays nothing has none (filing, joint research).
 */
export function taskBookContent(
  policy: Policy,
  source: TaskBookSource,
  terms: readonly TaskBookTerm[] = defaultTaskBookTerms(policy),
): TaskBookContent {
  const { project, application: a } = source;
  const program = policy.programs.find((p) => p.code === project.program);
  const rule = disbursementRuleOf(policy, project.program);
  const categoryName = (code: string) =>
    policy.budget.categories.find((c) => c.code === code)?.nameZh ?? code;
  const softLumpSum =
    rule && rule.nodes.length === 1 && rule.programs?.includes(project.program) ? rule : null;
  return {
    cityNameZh: policy.cityNameZh,
    bureauZh: `${policy.cityNameZh}科学技术局`,
    number: project.number,
    title: project.title,
    program: project.program,
    programName: program?.nameZh ?? project.program,
    year: project.year,
    amountFen: project.amountFen,
    unitName: project.unitName,
    piName: project.piName,
    tripartite: project.thirdParty ? { thirdParty: project.thirdParty } : null,
    period:
      a?.startDate && a.endDate ? { startDate: a.startDate, endDate: a.endDate } : (source.period ?? null),
    objectives: a?.objectives ?? "",
    researchContent: a?.researchContent ?? "",
    targets: [...(a?.targets ?? [])],
    milestones: [...(a?.milestones ?? [])],
    budgetLines: (a?.budgetLines ?? []).map((l) => ({ ...l, categoryName: categoryName(l.category) })),
    team: [...(a?.team ?? [])],
    selfRaisedFen: a?.selfRaisedFen ?? 0,
    coFundingFen: a?.coFundingFen ?? 0,
    lumpSum: softLumpSum ? { source: citeSource(softLumpSum.source) } : null,
    midTermMilestone: midTermMilestoneOf(policy, project.program, a),
    lumpSumPilot:
      project.lumpSumPilot && policy.taskBook.lumpSumPilot
        ? { source: citeSource(policy.taskBook.lumpSumPilot.source) }
        : null,
    nodes: paymentSchedule(policy, project.program, project.amountFen).map((n) => ({
      code: n.code,
      after: n.after,
      amountFen: n.amountFen,
      source: n.source,
    })),
    paymentBasis: rule ? citeSource(rule.source) : null,
    terms: terms.map((t) => ({ ...t })),
  };
}

/** The mid-term milestone of a program under milestone management: the first due at or after mid-period. */
function midTermMilestoneOf(
  policy: Policy,
  program: string,
  a: TaskBookApplication | null,
): TaskBookContent["midTermMilestone"] {
  const rule = policy.taskBook.milestoneManagement;
  if (!rule?.programs.includes(program)) return null;
  const sorted = [...(a?.milestones ?? [])].sort((x, y) => x.dueDate.localeCompare(y.dueDate));
  const middle =
    a?.startDate && a.endDate
      ? new Date((Date.parse(a.startDate) + Date.parse(a.endDate)) / 2).toISOString().slice(0, 10)
      : null;
  const milestone = (middle ? sorted.find((m) => m.dueDate >= middle) : undefined) ?? sorted[0] ?? null;
  return { milestone: milestone ? { ...milestone } : null, source: citeSource(rule.source) };
}

/**
 * Whether a unit of this kind may be drawn into the city's lump-sum pilot (LY-FUNDS §13(一):
 * independent research institutes); refused with the clause otherwise, or where the city has none.
 */
export function checkLumpSumPilot(policy: Policy, unitKind: UnitKind): void {
  const pilot = policy.taskBook.lumpSumPilot;
  if (pilot?.unitKinds.includes(unitKind)) return;
  throw new DomainError({
    code: "VALIDATION",
    path: "lumpSumPilot",
    messageZh: pilot ? "经费包干制试点限于独立法人科研机构承担的项目。" : "本市政策未规定经费包干制试点。",
    messageEn: pilot
      ? "The lump-sum pilot is for projects of independent research institutes."
      : "The city's policy has no lump-sum pilot.",
    ...(pilot?.source.kind === "clause"
      ? { clause: `${pilot.source.doc} ${pilot.source.clause}` }
      : pilot
        ? { setting: "city" as const }
        : {}),
  });
}
