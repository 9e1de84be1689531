import { defineMachine } from "../shared/machine.ts";

/** 需求征集 (DT-RULES §14(一), LY-PLAN "企业出题"): collected needs triaged by the bureau into the needs list. */
export const needStates = ["submitted", "accepted", "merged", "rejected"] as const;
export type NeedState = (typeof needStates)[number];

export const needMachine = defineMachine({
  name: "need",
  states: needStates,
  labels: {
    submitted: { zh: "待分拣", en: "waiting for triage" },
    accepted: { zh: "已采纳", en: "accepted" },
    merged: { zh: "已合并", en: "merged" },
    rejected: { zh: "未采纳", en: "rejected" },
  },
  transitions: {
    accept: { from: ["submitted"], to: "accepted", roles: ["programOfficer"] },
    merge: { from: ["submitted"], to: "merged", roles: ["programOfficer"] },
    reject: { from: ["submitted"], to: "rejected", roles: ["programOfficer"] },
  },
});
export type NeedEvent = keyof typeof needMachine.transitions;
