import {
  type CallWindow,
  type GuideEvent,
  type GuideState,
  guideMachine,
  type UnitKind,
  unitKindNames,
} from "@luoshu/domain";
import type { Lang } from "../../app/locale";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

export const callWindowNames: Names<CallWindow> = {
  notPublished: { zh: "未发布", en: "Not published" },
  upcoming: { zh: "未开始", en: "Upcoming" },
  open: { zh: "申报中", en: "Open" },
  closed: { zh: "已截止", en: "Closed" },
};

export const callWindowColors: Record<CallWindow, string> = {
  notPublished: "default",
  upcoming: "blue",
  open: "green",
  closed: "default",
};

export const guideStatusColors: Record<GuideState, string> = {
  draft: "default",
  internalReview: "orange",
  published: "green",
  closed: "purple",
  archived: "default",
};

/** Button texts for the guide's lifecycle events. */
export const guideEventNames: Names<GuideEvent> = {
  submitForReview: { zh: "提交审核", en: "Submit for review" },
  coIssue: { zh: "财政局会同发布", en: "Co-issue (finance bureau)" },
  returnToDraft: { zh: "退回草稿", en: "Return to draft" },
  publish: { zh: "审核通过并发布", en: "Approve and publish" },
  close: { zh: "截止申报", en: "Close" },
  archive: { zh: "归档", en: "Archive" },
};

export function guideStatusText(status: GuideState, lang: Lang): string {
  const l = guideMachine.labels[status];
  return l ? l[lang].charAt(0).toUpperCase() + l[lang].slice(1) : status;
}

export function unitKindsText(kinds: readonly UnitKind[], lang: Lang): string {
  return kinds.map((k) => unitKindNames[k]?.[lang] ?? k).join(lang === "zh" ? "、" : ", ");
}
