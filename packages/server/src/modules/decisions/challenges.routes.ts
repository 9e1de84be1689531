import {
  bidBody,
  challengeBody,
  challengeDto,
  challengeEventBody,
  challengeEvents,
  negotiationBody,
  publicChallengeDto,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import {
  draftChallenge,
  fireChallengeEvent,
  listChallenges,
  publicChallenges,
  recordNegotiation,
  submitBid,
} from "./open-challenges.ts";

const tags = ["challenges"];
const params = z.object({ id: z.uuid() }).strict();
const errors = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "CONFLICT",
  "NOT_FOUND",
  "VALIDATION",
  ...codesOf("DECISION_"),
  ...codesOf("CHALLENGE_"),
  "HORSE_RACE_NOT_ALLOWED",
] as const;

/** 揭榜挂帅: the challenge list, bids and their negotiation, the shortlist and its notice, the agreement, the award. */
export async function challengeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/challenges",
    {
      config: { access: { permission: "guide.read", scope: "city" } },
      schema: {
        tags,
        summary:
          "The city's challenge lists; the bureau sees every bid, a unit its own; mine=true: those waiting for the caller's step",
        querystring: z.object({ mine: z.enum(["true", "false"]).optional() }).strict(),
        response: { 200: z.object({ items: z.array(challengeDto), total: z.number() }) },
      },
    },
    async (request) => {
      const items = await listChallenges(deps, callerOf(request), { mine: request.query.mine === "true" });
      return { items, total: items.length };
    },
  );

  r.post(
    "/api/challenges",
    {
      config: { access: { permission: "decision.manage", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "Draft a challenge list (张榜)",
        body: challengeBody,
        response: { 201: challengeDto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await draftChallenge(deps, { ctx: callerOf(request), body: request.body })),
  );

  r.post(
    "/api/challenges/:id/events/:event",
    {
      config: { access: { permission: "decision.read", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Publish, shortlist (bidIds), start and close the notice, record the tripartite agreement, announce (the leader), cancel",
        params: z.object({ id: z.uuid(), event: z.enum(challengeEvents) }).strict(),
        body: challengeEventBody,
        response: { 200: challengeDto },
      },
    },
    async (request) =>
      fireChallengeEvent(deps, { ctx: callerOf(request), ...request.params, body: request.body }),
  );

  r.post(
    "/api/challenges/:id/bids",
    {
      config: { access: { permission: "application.edit", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "Bid for an open challenge (揭榜), once per unit, before its deadline",
        params,
        body: bidBody,
        response: { 201: challengeDto },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitBid(deps, { ctx: callerOf(request), id: request.params.id, body: request.body })),
  );

  r.post(
    "/api/challenges/:id/bids/:bidId/negotiation",
    {
      config: { access: { permission: "decision.manage", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "Record a bid's negotiation with the demand side and its preliminary cooperation agreement",
        params: z.object({ id: z.uuid(), bidId: z.uuid() }).strict(),
        body: negotiationBody,
        response: { 200: challengeDto },
      },
    },
    async (request) =>
      recordNegotiation(deps, {
        ctx: callerOf(request),
        id: request.params.id,
        bidId: request.params.bidId,
        body: request.body,
      }),
  );

  r.get(
    "/api/public/challenges",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags,
        summary: "Challenge lists, shortlists in notice and awards (no login)",
        response: { 200: z.array(publicChallengeDto) },
      },
    },
    async () => publicChallenges(deps),
  );
}
