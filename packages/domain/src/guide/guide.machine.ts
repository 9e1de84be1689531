import { defineMachine } from "../shared/machine.ts";

/**
 * 申报指南: drafted and reviewed inside the bureau, then published to the public, closed, archived.
 * Where the policy has a guide issued together with the finance bureau (LY-FUNDS §12: 会同市财政局
 * 发布指南), the finance officer co-issues it during review; publishing waits for it
 * (guide-publish.rules.ts).
 */
export const guideStates = ["draft", "internalReview", "published", "closed", "archived"] as const;
export type GuideState = (typeof guideStates)[number];

export const guideMachine = defineMachine({
  name: "guide",
  states: guideStates,
  labels: {
    draft: { zh: "草稿", en: "draft" },
    internalReview: { zh: "内部审核中", en: "in internal review" },
    published: { zh: "已发布", en: "published" },
    closed: { zh: "已截止", en: "closed" },
    archived: { zh: "已归档", en: "archived" },
  },
  transitions: {
    submitForReview: { from: ["draft"], to: "internalReview", roles: ["programOfficer"] },
    coIssue: { from: ["internalReview"], to: "internalReview", roles: ["financeOfficer"] },
    returnToDraft: { from: ["internalReview"], to: "draft", roles: ["bureauLeader", "programOfficer"] },
    publish: { from: ["internalReview"], to: "published", roles: ["bureauLeader"] },
    close: { from: ["published"], to: "closed", roles: ["programOfficer", "bureauLeader"] },
    archive: { from: ["closed"], to: "archived", roles: ["programOfficer", "bureauLeader"] },
  },
});
export type GuideEvent = keyof typeof guideMachine.transitions;
export const guideEvents = Object.keys(guideMachine.transitions) as [GuideEvent, ...GuideEvent[]];
