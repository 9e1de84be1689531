import {
  idParams,
  inspectionBody,
  inspectionResultBody,
  publicDrawDto,
  supervisionDto,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import {
  drawSpotCheckNow,
  publicDraws,
  readSupervision,
  recordInspection,
  recordInspectionResult,
} from "./supervision.ts";

const tags = ["supervision"];
const errors = [
  "FORBIDDEN",
  "CONFLICT",
  "NOT_FOUND",
  "VALIDATION",
  "DECISION_NOT_APPLICABLE",
  "INSPECTION_ONCE_PER_CYCLE",
] as const;

/** 随机抽查与检查 (LY-PLAN §七(四)): the draw, the inspections and their shared results, the public page's data. */
export async function supervisionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/supervision",
    {
      config: {
        access: { permission: "supervision.read", scope: "city" },
        errors: ["DECISION_NOT_APPLICABLE"],
      },
      schema: {
        tags,
        summary:
          "The city's spot-check rules, draws and the inspections the caller may see, with their results",
        response: { 200: supervisionDto },
      },
    },
    async (request) => readSupervision(deps, callerOf(request)),
  );

  r.post(
    "/api/supervision/draws",
    {
      config: { access: { permission: "supervision.draw", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "Draw this cycle's spot check at the city's rate with a fresh, recorded and published seed",
        response: { 201: publicDrawDto },
      },
    },
    async (request, reply) => reply.status(201).send(await drawSpotCheckNow(deps, callerOf(request))),
  );

  r.post(
    "/api/supervision/inspections",
    {
      config: { access: { permission: "supervision.manage", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Record an audit (the bureau) or a finance check (the finance bureau): at most one inspection per project per cycle",
        body: inspectionBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const row = await recordInspection(deps, { ctx: callerOf(request), ...request.body });
      return reply.status(201).send({ id: row.id });
    },
  );

  r.post(
    "/api/supervision/inspections/:id/result",
    {
      config: { access: { permission: "supervision.manage", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The inspecting department records its result and findings, shared with the other departments",
        params: idParams,
        body: inspectionResultBody,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => {
      const row = await recordInspectionResult(deps, {
        ctx: callerOf(request),
        id: request.params.id,
        ...request.body,
      });
      return { id: row.id };
    },
  );

  r.get(
    "/api/public/spot-checks",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["public"],
        summary:
          "Every city's spot-check draws with their algorithm, seed, rate and lists, to draw again and compare",
        response: { 200: z.object({ items: z.array(publicDrawDto) }) },
      },
    },
    async (request) => ({ items: await publicDraws(deps, request.ctx.now) }),
  );
}
