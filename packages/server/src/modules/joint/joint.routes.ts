import {
  jointEventBody,
  jointEvents,
  jointListQuery,
  jointQuestionBody,
  jointTopicDto,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { fireJointEvent, submitJointQuestion } from "./joint-steps.ts";
import { listJointTopics, readJointTopic } from "./joint-view.ts";

const tags = ["joint-research"];
const errors = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "CONFLICT",
  "NOT_FOUND",
  "VALIDATION",
  "DECISION_NOT_APPLICABLE",
  ...codesOf("JOINT_"),
] as const;

/** 联合科研 (LY-REFORM §三(一)2–§三(四)4): questions, task list, proposal, committee, joint approval, outcome. */
export async function jointRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/joint-research",
    {
      config: { access: { permission: "joint.read", scope: "city" } },
      schema: {
        tags,
        summary:
          "A year's joint research topics, ranked by priority: the bureau sees all, the laboratory the task list on, an enterprise its own",
        querystring: jointListQuery,
        response: { 200: z.object({ items: z.array(jointTopicDto), total: z.number() }) },
      },
    },
    async (request) => {
      const { year, mine } = request.query;
      const items = await listJointTopics(deps, callerOf(request), {
        ...(year === undefined ? {} : { year }),
        mine: mine === "true",
      });
      return { items, total: items.length };
    },
  );

  r.get(
    "/api/joint-research/:id",
    {
      config: { access: { permission: "joint.read", scope: "city" } },
      schema: {
        tags,
        summary: "One joint research topic, with the steps the caller may take",
        params: z.object({ id: z.uuid() }).strict(),
        response: { 200: jointTopicDto },
      },
    },
    async (request) => readJointTopic(deps, callerOf(request), request.params.id),
  );

  r.post(
    "/api/joint-research",
    {
      // 企业出题 is a need the enterprise raises
      config: { access: { permission: "need.submit", scope: "unit" }, errors: [...errors] },
      schema: {
        tags,
        summary: "An enterprise sets a question (出题目) for the year's joint research",
        body: jointQuestionBody,
        response: { 201: jointTopicDto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitJointQuestion(deps, { ctx: callerOf(request), body: request.body })),
  );

  r.post(
    "/api/joint-research/:id/events/:event",
    {
      config: { access: { permission: "joint.read", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Assess (scores, argument), list or not, propose (the laboratory), record the committee's review, approve or decline (the bureau leader and the laboratory), close with the outcome (the laboratory)",
        params: z.object({ id: z.uuid(), event: z.enum(jointEvents) }).strict(),
        body: jointEventBody,
        response: { 200: jointTopicDto },
      },
    },
    async (request) =>
      fireJointEvent(deps, { ctx: callerOf(request), ...request.params, body: request.body }),
  );
}
