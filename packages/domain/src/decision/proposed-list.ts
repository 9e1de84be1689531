import type { Role } from "../identity/roles.ts";
import type { Policy, Source } from "../policy/policy.schema.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 拟立项名单 from the ranking to issued projects (DT-RULES §14(四); LY-REFORM §三(二)1; LY-FUNDS §12).
 * Every list passes the collective decision and the leader's approval; the city government, the
 * public notice and the finance co-sign are steps the city's policy turns on per program
 * (`decisionSteps`), and `nextEvent` says which of them the list waits for.
 */
export const proposedListStates = [
  "draft",
  "awaitingLeader",
  "leaderApproved",
  "cityGovernmentApproved",
  "inNotice",
  "noticeClosed",
  "coSigned",
  "issued",
] as const;
export type ProposedListState = (typeof proposedListStates)[number];

const officer = ["programOfficer"] as const;
const afterLeader = ["leaderApproved", "cityGovernmentApproved", "noticeClosed", "coSigned"] as const;

export const proposedListMachine = defineMachine({
  name: "proposedList",
  states: proposedListStates,
  labels: {
    draft: { zh: "拟订中", en: "being drafted" },
    awaitingLeader: { zh: "待局领导审批", en: "waiting for the bureau leader" },
    leaderApproved: { zh: "局领导已审批", en: "approved by the bureau leader" },
    cityGovernmentApproved: { zh: "市政府已批准", en: "approved by the city government" },
    inNotice: { zh: "公示中", en: "in public notice" },
    noticeClosed: { zh: "公示结束", en: "public notice closed" },
    coSigned: { zh: "财政已会签", en: "co-signed by finance" },
    issued: { zh: "已下达立项", en: "issued: projects approved" },
  },
  transitions: {
    submit: { from: ["draft"], to: "awaitingLeader", roles: officer },
    recall: { from: ["awaitingLeader"], to: "draft", roles: officer },
    leaderApprove: { from: ["awaitingLeader"], to: "leaderApproved", roles: ["bureauLeader"] },
    leaderReturn: { from: ["awaitingLeader"], to: "draft", roles: ["bureauLeader"] },
    recordCityGovernment: { from: ["leaderApproved"], to: "cityGovernmentApproved", roles: officer },
    startNotice: { from: ["leaderApproved", "cityGovernmentApproved"], to: "inNotice", roles: officer },
    closeNotice: { from: ["inNotice"], to: "noticeClosed", roles: officer },
    coSign: {
      from: ["leaderApproved", "cityGovernmentApproved", "noticeClosed"],
      to: "coSigned",
      roles: ["financeOfficer"],
    },
    financeReturn: {
      from: ["leaderApproved", "cityGovernmentApproved", "noticeClosed"],
      to: "draft",
      roles: ["financeOfficer"],
    },
    issue: { from: [...afterLeader], to: "issued", roles: officer },
  },
});
export type ProposedListEvent = keyof typeof proposedListMachine.transitions;

/** The optional steps a list takes, decided once from the policy when the list is drawn. */
export interface DecisionSteps {
  cityGovernment: Source | null;
  publicNotice: { workingDays: number; source: Source; periodSource: Source } | null;
  coSign: Source | null;
}

export function decisionSteps(policy: Policy, programCode: string): DecisionSteps {
  const d = policy.decision;
  const program = policy.programs.find((p) => p.code === programCode);
  const gov = d.cityGovernmentApproval;
  return {
    cityGovernment: gov?.programs.includes(programCode) ? gov.source : null,
    publicNotice: d.publicNotice
      ? {
          workingDays: d.publicNotice.workingDays.value,
          source: d.publicNotice.source,
          periodSource: d.publicNotice.workingDays.source,
        }
      : null,
    coSign: program && d.coSign?.fundingModes.includes(program.fundingMode) ? d.coSign.source : null,
  };
}

/** The forward path of a list with these steps, in order; `issue` is always last. */
export function forwardPath(steps: DecisionSteps): ProposedListEvent[] {
  return [
    "submit",
    "leaderApprove",
    ...(steps.cityGovernment ? (["recordCityGovernment"] as const) : []),
    ...(steps.publicNotice ? (["startNotice", "closeNotice"] as const) : []),
    ...(steps.coSign ? (["coSign"] as const) : []),
    "issue",
  ];
}

/** The forward event a list in `state` waits for, or null once issued. */
export function nextEvent(steps: DecisionSteps, state: ProposedListState): ProposedListEvent | null {
  if (state === "issued") return null;
  const path = forwardPath(steps);
  if (state === "draft") return "submit";
  const done = path.findIndex((e) => proposedListMachine.transitions[e].to === state);
  return path[done + 1] ?? null;
}

/** Who acts on the next forward event, for inbox counts and the "waiting for" line. */
export function nextActor(steps: DecisionSteps, state: ProposedListState): Role | null {
  const e = nextEvent(steps, state);
  return e ? (proposedListMachine.transitions[e].roles[0] ?? null) : null;
}
