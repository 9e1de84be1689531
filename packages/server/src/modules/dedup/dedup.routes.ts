import { type ApplicationContent, DomainError } from "@luoshu/domain";
import { and, desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { dedupDecisions } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { idParams } from "../../lib/http-schemas.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { actorOf } from "../../plugins/access.ts";
import { loadVisible } from "../applications/access.ts";
import { dedupRowText } from "./dedup.service.ts";

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
        response: {
          200: z.object({
            threshold: z.number(),
            clause: z.string(),
            text: z.string(),
            matches: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                status: z.string().nullable(),
                similarity: z.number(),
                containment: z.number(),
                text: z.string(),
                passages: z.array(z.unknown()),
              }),
            ),
            decisions: z.array(
              z.object({
                matchId: z.string(),
                decision: z.string(),
                reason: z.string(),
                similarityBp: z.number(),
                decidedAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const row = await loadVisible(deps.db, actorOf(request), request.params.id);
      const policy = deps.policies.find((p) => p.city === row.cityId && p.version === row.policyVersion);
      const threshold = policy?.duplicateCheck.similarityThreshold ?? 0.3;
      await deps.dedup.sync();
      const content = row.content as ApplicationContent;
      const text = `${content.basic.title}\n${dedupRowText(content)}`;
      const matches = deps.dedup.index.query(row.cityId, text, { threshold, limit: 5, excludeId: row.id });
      const titles = await deps.dedup.titlesOf(matches.map((m) => m.id));
      const decisions = await deps.db
        .select()
        .from(dedupDecisions)
        .where(and(eq(dedupDecisions.cityId, row.cityId), eq(dedupDecisions.applicationId, row.id)))
        .orderBy(desc(dedupDecisions.decidedAt));
      return {
        threshold,
        clause: "LY-FUNDS §17",
        text,
        matches: matches.map((m) => ({
          ...m,
          title: titles.get(m.id)?.title ?? "",
          status: titles.get(m.id)?.status ?? null,
        })),
        decisions: decisions.map((d) => ({
          matchId: d.matchId,
          decision: d.decision,
          reason: d.reason,
          similarityBp: d.similarityBp,
          decidedAt: d.decidedAt.toISOString(),
        })),
      };
    },
  );

  r.post(
    "/api/applications/:id/duplicates/decisions",
    {
      config: { access: { permission: "application.dedupDecide", scope: "city" } },
      schema: {
        tags: ["dedup"],
        summary: "Record whether a match is a repeated application, with the reason (audited)",
        params: idParams,
        body: z
          .object({
            matchId: z.uuid(),
            decision: z.enum(["duplicate", "notDuplicate"]),
            reason: z.string().trim().min(2).max(2000),
            similarity: z.number().min(0).max(1),
          })
          .strict(),
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await loadVisible(deps.db, actor, request.params.id);
      if (row.status === "draft") {
        throw new DomainError({
          code: "INVALID_TRANSITION",
          messageZh: "草稿尚未提交，无需查重决定。",
          messageEn: "A draft is not checked yet.",
        });
      }
      await inTransaction(deps.db, request.ctx, async (tx, audit) => {
        const b = request.body;
        await tx.insert(dedupDecisions).values({
          cityId: row.cityId,
          applicationId: row.id,
          matchId: b.matchId,
          similarityBp: Math.round(b.similarity * 10_000),
          decision: b.decision,
          reason: b.reason,
          decidedBy: actor.userId,
          decidedAt: request.ctx.now,
        });
        audit({
          action: "application.dedupDecision",
          entityType: "application",
          entityId: row.id,
          cityId: row.cityId,
          after: b,
        });
      });
      return reply.status(201).send({ ok: true as const });
    },
  );
}
