import type { JointEventName } from "@luoshu/contract";
import {
  type CommitteeSeat,
  type JointDimension,
  type JointTopicState,
  jointTopicMachine,
} from "@luoshu/domain";
import type { JointTopic } from "../../api/joint";
import type { Lang } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { capitalized } from "../applications/labels";

type Names<K extends string> = Record<K, { zh: string; en: string }>;
type Translate = (zh: string, en: string) => string;

export function jointStatusText(status: JointTopicState, lang: Lang): string {
  return capitalized(jointTopicMachine.labels[status][lang]);
}

export const jointStatusColors: Record<JointTopicState, string> = {
  submitted: "blue",
  assessed: "cyan",
  listed: "geekblue",
  notListed: "default",
  proposed: "purple",
  reviewed: "gold",
  rejected: "default",
  approved: "green",
  closed: "default",
};

/** The buttons, in the order of the path; each names the act it does. */
export const jointActionNames: Names<JointEventName> = {
  assess: { zh: "评估需求优先级", en: "Assess the priority" },
  list: { zh: "列入任务清单", en: "Put on the task list" },
  notList: { zh: "不列入任务清单", en: "Leave off the task list" },
  propose: { zh: "提出联合科研项目", en: "Propose the project" },
  review: { zh: "记录联合专家委员会评审", en: "Record the joint committee's review" },
  approve: { zh: "审定立项", en: "Approve the project" },
  decline: { zh: "不予立项", en: "Decline the project" },
  close: { zh: "记录结题", en: "Record the outcome" },
};

/** 技术先进性, 产业带动性, 实施可行性 (LY-REFORM §三(一)2). */
export const dimensionNames: Names<JointDimension> = {
  advancement: { zh: "技术先进性", en: "Technical advancement" },
  leverage: { zh: "产业带动性", en: "Industrial leverage" },
  feasibility: { zh: "实施可行性", en: "Feasibility" },
};

/** The seats of the joint expert committee (LY-REFORM §三(二)2). */
export const seatNames: Names<CommitteeSeat> = {
  technical: { zh: "技术专家", en: "Technical expert" },
  industry: { zh: "产业专家", en: "Industry expert" },
  finance: { zh: "财务专家", en: "Finance expert" },
};

export const resultNames: Names<"completed" | "failed"> = {
  completed: { zh: "完成攻关任务", en: "Completed" },
  failed: { zh: "未完成攻关任务", en: "Not completed" },
};

type Citation = JointTopic["sources"]["ranking"];

/** A clause as text for a confirmation: "LY-REFORM §三(二)2", or that the city set it. */
export function citationText(source: Citation | undefined, t: Translate): string {
  if (source?.clause) return source.clause;
  if (source?.setting) return t("本市设定", "city setting");
  return "—";
}

/** "张三（2026-05-01 10:00）" for a step taken, in Beijing time. */
export const whoWhen = (step: { byName: string; at: string }) =>
  `${step.byName}（${formatDateTime(step.at)}）`;
