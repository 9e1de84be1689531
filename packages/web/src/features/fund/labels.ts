import type { FundPushState } from "@luoshu/domain";
import type { FundPushEvent } from "../../api/fundPush";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

export const fundPushStatusNames: Names<FundPushState> = {
  pushed: { zh: "已推送，待基金决策", en: "Pushed, awaiting the fund" },
  followingUp: { zh: "基金跟踪了解中", en: "The fund is following up" },
  invested: { zh: "基金已决定投资", en: "The fund invests" },
  declined: { zh: "基金不予投资", en: "The fund declined" },
};

export const fundPushStatusColors: Record<FundPushState, string> = {
  pushed: "blue",
  followingUp: "gold",
  invested: "green",
  declined: "default",
};

export const fundActionNames: Names<FundPushEvent> = {
  followUp: { zh: "跟踪了解", en: "Follow up" },
  invest: { zh: "决定投资", en: "Invest" },
  decline: { zh: "不予投资", en: "Decline" },
};

/** The order the fund's buttons stand in: the lighter step first, the refusal last. */
export const fundActionOrder: readonly FundPushEvent[] = ["followUp", "invest", "decline"];

/** A decision as the page records it (an event the page does not know shows as itself). */
export const decisionName = (event: string) =>
  (fundActionNames as Record<string, { zh: string; en: string } | undefined>)[event] ?? {
    zh: event,
    en: event,
  };
