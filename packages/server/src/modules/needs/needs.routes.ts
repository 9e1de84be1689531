import {
  idParams,
  needListQuery,
  needPage,
  needSchema,
  needTriageBody,
  publicNeedBody,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { listNeeds } from "./list-needs.ts";
import { toNeedDto } from "./needs.dto.ts";
import { submitNeed } from "./submit-need.ts";
import { triageNeed } from "./triage-need.ts";

/** Needs collection: the public submits, the bureau triages into the needs list guides cite. */
export async function needRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/public/needs",
    {
      config: {
        access: { permission: "public", scope: "none", rateLimit: { max: 20, windowMs: 3_600_000 } },
      },
      schema: {
        tags: ["needs"],
        summary: "Submit a technology need (public, rate-limited)",
        body: publicNeedBody,
        response: { 201: needSchema },
      },
    },
    async (request, reply) => {
      const { city, ...need } = request.body;
      const created = await submitNeed(deps, { ctx: request.ctx, city, need });
      return reply.status(201).send(toNeedDto(created));
    },
  );

  r.get(
    "/api/needs",
    {
      config: { access: { permission: "need.read", scope: "city" } },
      schema: {
        tags: ["needs"],
        summary: "The city's collected needs; `status=accepted` is the needs list guides cite",
        querystring: needListQuery,
        response: { 200: needPage },
      },
    },
    async (request) => {
      const { page, pageSize, status } = request.query;
      const res = await listNeeds(deps, { ctx: callerOf(request), status, page, pageSize });
      return { items: res.items.map(toNeedDto), total: res.total, page, pageSize };
    },
  );

  r.post(
    "/api/needs/:id/triage",
    {
      config: { access: { permission: "need.triage", scope: "city" }, errors: ["INVALID_TRANSITION"] },
      schema: {
        tags: ["needs"],
        summary: "Accept, merge into another need, or reject with a reason",
        params: idParams,
        body: needTriageBody,
        response: { 200: needSchema },
      },
    },
    async (request) =>
      toNeedDto(
        await triageNeed(deps, { ctx: callerOf(request), id: request.params.id, decision: request.body }),
      ),
  );
}
