import type { JointEventName, JointTopicDto, jointEventBody, jointQuestionBody } from "@luoshu/contract";
import { apiFetch } from "./client";
import type { In } from "./decisions";

/**
 * 联合科研 (LY-REFORM §三(一)2–§三(四)4): enterprises' questions, their ranking into the task list,
 * the laboratory's proposal, the joint committee's review, the two approvals and the outcome.
 */
export type JointTopic = JointTopicDto;
export type JointEvent = JointEventName;
export type JointMember = NonNullable<JointTopicDto["committee"]>["members"][number];
export type JointQuestionInput = In<typeof jointQuestionBody>;
export type JointEventInput = In<typeof jointEventBody>;

export interface JointFilter {
  year: number;
  /** Only what waits for the caller's own step. */
  mine: boolean;
}

const one = (id: string) => `/joint-research/${encodeURIComponent(id)}`;

/** The year's questions: ranked first by priority, then those not yet assessed. */
export function fetchJointTopics(f: JointFilter): Promise<{ items: JointTopic[]; total: number }> {
  return apiFetch("/joint-research", { query: { year: f.year, mine: f.mine ? "true" : undefined } });
}

/** 企业出题: by an enterprise's unit admin or investigator. */
export function submitJointQuestion(input: JointQuestionInput): Promise<JointTopic> {
  return apiFetch("/joint-research", { method: "POST", body: input });
}

export function runJointEvent(id: string, event: JointEvent, input: JointEventInput): Promise<JointTopic> {
  return apiFetch(`${one(id)}/events/${encodeURIComponent(event)}`, { method: "POST", body: input });
}
