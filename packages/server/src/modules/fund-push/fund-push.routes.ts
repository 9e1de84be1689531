import { fundDecisionBody, fundPushBody, fundPushDto, fundPushEvents } from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { decideFundPush, listFundPushes, pushEnterprise, readFundPush } from "./fund-push.ts";

const tags = ["fund-push"];
const errors = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "NOT_FOUND",
  "VALIDATION",
  "DECISION_NOT_APPLICABLE",
] as const;

/** 基金推送 (LY-REFORM §二(三)): the bureau pushes enterprises, the fund decides by its charter. */
export async function fundPushRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/fund-pushes",
    {
      config: { access: { permission: "fundPush.read", scope: "city" }, errors: ["DECISION_NOT_APPLICABLE"] },
      schema: {
        tags,
        summary: "Enterprises pushed to the fund and its decisions; mine=true: those waiting for the fund",
        querystring: z.object({ mine: z.enum(["true", "false"]).optional() }).strict(),
        response: { 200: z.object({ items: z.array(fundPushDto), total: z.number() }) },
      },
    },
    async (request) => {
      const items = await listFundPushes(deps, callerOf(request), request.query.mine === "true");
      return { items, total: items.length };
    },
  );

  r.get(
    "/api/fund-pushes/:id",
    {
      config: { access: { permission: "fundPush.read", scope: "city" }, errors: ["DECISION_NOT_APPLICABLE"] },
      schema: {
        tags,
        summary: "One push with the fund's decisions",
        params: z.object({ id: z.uuid() }).strict(),
        response: { 200: fundPushDto },
      },
    },
    async (request) => readFundPush(deps, callerOf(request), request.params.id),
  );

  r.post(
    "/api/fund-pushes",
    {
      config: { access: { permission: "fundPush.manage", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Push an S&T SME with its chosen projects and key figures to the fund management institution",
        body: fundPushBody,
        response: { 201: fundPushDto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pushEnterprise(deps, { ctx: callerOf(request), ...request.body })),
  );

  r.post(
    "/api/fund-pushes/:id/events/:event",
    {
      config: { access: { permission: "fundPush.decide", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "The fund's decision by its charter: invest (with the amount), decline, or follow up",
        params: z.object({ id: z.uuid(), event: z.enum(fundPushEvents) }).strict(),
        body: fundDecisionBody,
        response: { 200: fundPushDto },
      },
    },
    async (request) =>
      decideFundPush(deps, {
        ctx: callerOf(request),
        id: request.params.id,
        event: request.params.event,
        ...request.body,
      }),
  );
}
