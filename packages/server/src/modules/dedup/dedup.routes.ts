import { duplicateCheckSchema, duplicateDecisionBody, idParams, okSchema } from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { decideDuplicate } from "./decide-duplicate.ts";
import { findDuplicates } from "./find-duplicates.ts";

/** 查重 (LY-FUNDS §17): the officer reads the closest earlier texts and records a decision with a reason. */
export async function dedupRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/applications/:id/duplicates",
    {
      config: { access: { permission: "application.dedupDecide", scope: "city" } },
      schema: {
        tags: ["dedup"],
        summary: "The closest applications of the same city, with similarity and overlapping passages",
        params: idParams,
        response: { 200: duplicateCheckSchema },
      },
    },
    async (request) => {
      const found = await findDuplicates(deps, { ctx: callerOf(request), id: request.params.id });
      return {
        ...found,
        decisions: found.decisions.map((d) => ({ ...d, decidedAt: d.decidedAt.toISOString() })),
      };
    },
  );

  r.post(
    "/api/applications/:id/duplicates/decisions",
    {
      config: {
        access: { permission: "application.dedupDecide", scope: "city" },
        errors: ["INVALID_TRANSITION"],
      },
      schema: {
        tags: ["dedup"],
        summary: "Record whether a match is a repeated application, with the reason (audited)",
        params: idParams,
        body: duplicateDecisionBody,
        response: { 201: okSchema },
      },
    },
    async (request, reply) => {
      await decideDuplicate(deps, { ctx: callerOf(request), id: request.params.id, decision: request.body });
      return reply.status(201).send({ ok: true as const });
    },
  );
}
