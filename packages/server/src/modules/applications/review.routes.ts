import { diffContent } from "@luoshu/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { idParams } from "../../lib/http-schemas.ts";
import { actorOf } from "../../plugins/access.ts";
import { loadVisible } from "./access.ts";
import { loadDetail } from "./application-detail.ts";
import { applicationSchema } from "./application-dto.ts";
import { listEvents, listRevisions } from "./applications.repository.ts";
import { type ReviewDecision, reviewApplication } from "./review-application.ts";

const checklist = z
  .array(
    z.object({ code: z.string().max(32), ok: z.boolean(), note: z.string().max(500).optional() }).strict(),
  )
  .max(30);
const reason = z.string().trim().max(2000);
const deadline = z.iso.datetime({ offset: true });

/** District preliminary review, the agency's formal check, and the history both leave behind. */
export async function reviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = (id: string, request: FastifyRequest) => loadDetail(deps, request, id);
  const decide = async (request: FastifyRequest, id: string, decision: ReviewDecision) => {
    await reviewApplication({ db: deps.db, ctx: request.ctx, actor: actorOf(request), id, decision });
    return detail(id, request);
  };

  r.post(
    "/api/applications/:id/district-review",
    {
      config: { access: { permission: "application.districtReview", scope: "district" } },
      schema: {
        tags: ["applications"],
        summary:
          "District preliminary review: recommend (with rank), return (reason, deadline) or reject (reason)",
        params: idParams,
        body: z.discriminatedUnion("event", [
          z
            .object({
              event: z.literal("recommend"),
              rank: z.number().int().min(1).max(10000),
              reason: reason.optional(),
            })
            .strict(),
          z.object({ event: z.literal("districtReturn"), reason, deadline }).strict(),
          z.object({ event: z.literal("districtReject"), reason }).strict(),
        ]),
        response: { 200: applicationSchema },
      },
    },
    (request) => decide(request, request.params.id, request.body),
  );

  r.post(
    "/api/applications/:id/formal-check",
    {
      config: { access: { permission: "application.formalCheck", scope: "city" } },
      schema: {
        tags: ["applications"],
        summary: "The review agency's formal check against the guide's checklist: pass, return or reject",
        params: idParams,
        body: z.discriminatedUnion("event", [
          z.object({ event: z.literal("formalPass"), checklist, reason: reason.optional() }).strict(),
          z
            .object({ event: z.literal("formalReturn"), reason, deadline, checklist: checklist.optional() })
            .strict(),
          z.object({ event: z.literal("formalReject"), reason, checklist: checklist.optional() }).strict(),
        ]),
        response: { 200: applicationSchema },
      },
    },
    (request) => decide(request, request.params.id, request.body),
  );

  r.get(
    "/api/applications/:id/history",
    {
      config: { access: { permission: "application.read", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "Every decision with its reasons, and what changed between submitted revisions",
        params: idParams,
      },
    },
    async (request) => {
      const row = await loadVisible(deps.db, actorOf(request), request.params.id);
      const [events, revisions] = await Promise.all([
        listEvents(deps.db, row.cityId, row.id),
        listRevisions(deps.db, row.cityId, row.id),
      ]);
      return {
        events: events.map((e) => ({
          event: e.event,
          fromState: e.fromState,
          toState: e.toState,
          revision: e.revision,
          actorRole: e.actorRole,
          reason: e.reason,
          details: e.details,
          at: e.at.toISOString(),
        })),
        revisions: revisions.map((rev, i) => ({
          revision: rev.revision,
          submittedAt: rev.submittedAt.toISOString(),
          contentHash: rev.contentHash,
          changes:
            i === 0 ? [] : diffContent(stripCiphers(revisions[i - 1]?.content), stripCiphers(rev.content)),
        })),
      };
    },
  );
}

/** Diffs show masked ID numbers only. */
function stripCiphers(snapshot: unknown): unknown {
  return JSON.parse(
    JSON.stringify(snapshot ?? null, (k, v) =>
      k === "idNumberCipher" || k === "idNumberDigest" ? undefined : v,
    ),
  );
}
