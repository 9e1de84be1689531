import { DomainError, fire, type NeedState, needMachine } from "@luoshu/domain";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app.ts";
import { needs } from "../../db/schema/index.ts";
import { inTransaction } from "../../lib/context.ts";
import { idParams, pageOf, pageQuery } from "../../lib/http-schemas.ts";
import { actorOf } from "../../plugins/access.ts";

const needSchema = z.object({
  id: z.string(),
  cityCode: z.string(),
  title: z.string(),
  field: z.string(),
  problem: z.string(),
  expectedIndicators: z.string(),
  coFundingFen: z.number(),
  submitterName: z.string(),
  status: z.string(),
  statusZh: z.string(),
  mergedInto: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
});

const needInput = z
  .object({
    title: z.string().trim().min(4).max(200),
    field: z.string().trim().min(2).max(100),
    problem: z.string().trim().min(10).max(5000),
    expectedIndicators: z.string().trim().max(2000).default(""),
    coFundingFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    submitterName: z.string().trim().min(2).max(100),
    submitterContact: z.string().trim().min(5).max(100),
  })
  .strict();

type NeedRow = typeof needs.$inferSelect;
const toDto = (n: NeedRow) => ({
  id: n.id,
  cityCode: n.cityId,
  title: n.title,
  field: n.field,
  problem: n.problem,
  expectedIndicators: n.expectedIndicators,
  coFundingFen: n.coFundingFen,
  submitterName: n.submitterName,
  status: n.status,
  statusZh: needMachine.labels[n.status as NeedState].zh,
  mergedInto: n.mergedInto,
  decisionReason: n.decisionReason,
  createdAt: n.createdAt.toISOString(),
});

/**
 * 需求征集 (DT-RULES §14(一); LY-PLAN "企业出题"): anyone may submit a technology need, publicly; the
 * bureau triages it (accept, merge into another, reject with reason) into the needs list guides cite.
 */
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
        body: needInput.extend({ city: z.enum(["luoyang", "datong"]) }),
        response: { 201: needSchema },
      },
    },
    async (request, reply) => {
      const { city, ...input } = request.body;
      const actor = request.ctx.actor;
      const row = await inTransaction(deps.db, request.ctx, async (tx, audit) => {
        const [n] = await tx
          .insert(needs)
          .values({
            cityId: city,
            ...input,
            submitterUserId: actor?.cityId === city ? actor.userId : null,
            status: "submitted",
            createdAt: request.ctx.now,
          })
          .returning();
        if (!n) throw new Error("need not stored");
        audit({
          action: "need.submit",
          entityType: "need",
          entityId: n.id,
          cityId: city,
          after: { title: n.title },
        });
        return n;
      });
      return reply.status(201).send(toDto(row));
    },
  );

  r.get(
    "/api/needs",
    {
      config: { access: { permission: "need.read", scope: "city" } },
      schema: {
        tags: ["needs"],
        summary: "The city's collected needs; `status=accepted` is the needs list guides cite",
        querystring: z
          .object({
            ...pageQuery,
            status: z.enum(["submitted", "accepted", "merged", "rejected"]).optional(),
          })
          .strict(),
        response: { 200: pageOf(needSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { page, pageSize, status } = request.query;
      const conds: SQL[] = [eq(needs.cityId, actor.cityId ?? "")];
      if (status) conds.push(eq(needs.status, status));
      const where = and(...conds);
      const [rows, [total]] = await Promise.all([
        deps.db
          .select()
          .from(needs)
          .where(where)
          .orderBy(desc(needs.createdAt))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        deps.db.select({ n: count() }).from(needs).where(where),
      ]);
      return { items: rows.map(toDto), total: total?.n ?? 0, page, pageSize };
    },
  );

  r.post(
    "/api/needs/:id/triage",
    {
      config: { access: { permission: "need.triage", scope: "city" } },
      schema: {
        tags: ["needs"],
        summary: "Accept, merge into another need, or reject with a reason",
        params: idParams,
        body: z.discriminatedUnion("event", [
          z.object({ event: z.literal("accept"), reason: z.string().max(1000).optional() }).strict(),
          z
            .object({ event: z.literal("merge"), into: z.uuid(), reason: z.string().max(1000).optional() })
            .strict(),
          z.object({ event: z.literal("reject"), reason: z.string().trim().min(2).max(1000) }).strict(),
        ]),
        response: { 200: needSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = request.body;
      const row = await inTransaction(deps.db, request.ctx, async (tx, audit) => {
        const cityId = actor.cityId ?? "";
        const [n] = await tx
          .select()
          .from(needs)
          .where(and(eq(needs.cityId, cityId), eq(needs.id, request.params.id)))
          .for("update");
        if (!n)
          throw new DomainError({
            code: "NOT_FOUND",
            messageZh: "需求不存在。",
            messageEn: "Need not found.",
          });
        const to = fire(needMachine, n.status as NeedState, body.event, actor.roles);
        if (body.event === "merge") {
          const [target] = await tx
            .select()
            .from(needs)
            .where(and(eq(needs.cityId, cityId), eq(needs.id, body.into)));
          if (!target || target.id === n.id || target.status !== "accepted") {
            throw new DomainError({
              code: "VALIDATION",
              messageZh: "只能合并到另一条已采纳的需求。",
              messageEn: "Merge into another accepted need.",
              path: "into",
            });
          }
        }
        const [updated] = await tx
          .update(needs)
          .set({
            status: to,
            mergedInto: body.event === "merge" ? body.into : null,
            decisionReason: body.reason ?? null,
            decidedAt: request.ctx.now,
          })
          .where(and(eq(needs.cityId, cityId), eq(needs.id, n.id)))
          .returning();
        audit({
          action: `need.${body.event}`,
          entityType: "need",
          entityId: n.id,
          before: { status: n.status },
          after: { status: to, reason: body.reason ?? null },
        });
        return updated;
      });
      if (!row) throw new Error("need vanished");
      return toDto(row);
    },
  );
}
