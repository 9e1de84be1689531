import { type Actor, can, guideContentSchema, guideMachine } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { idParams, pageOf, pageQuery } from "../../lib/http-schemas.ts";
import { actorOf } from "../../plugins/access.ts";
import { guideSchema, toGuideDto } from "./guide-dto.ts";
import { guideNotFound } from "./guide-errors.ts";
import { findGuide, listGuides } from "./guides.repository.ts";
import { changeGuideStatus, createGuide, updateGuideContent } from "./save-guide.ts";

const guideEvents = Object.keys(guideMachine.transitions) as [string, ...string[]];
const publicStates = ["published", "closed"];

export async function guideRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** The guide as it stands after a change, answered to the one who made it. */
  const reload = async (actor: Actor, id: string, now: Date) => {
    const found = await findGuide(deps.db, actor.cityId ?? "", id);
    if (!found) throw guideNotFound();
    return toGuideDto(found, deps.policies, now, actor.roles);
  };

  r.get(
    "/api/guides",
    {
      config: { access: { permission: "guide.read", scope: "city" } },
      schema: {
        tags: ["guides"],
        summary: "Guides of the caller's city, every status for the bureau, published ones for others",
        querystring: z.object({ ...pageQuery, status: z.string().max(32).optional() }).strict(),
        response: { 200: pageOf(guideSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { page, pageSize, status } = request.query;
      const bureau = can(actor.roles, "guide.decide");
      const statuses = status ? [status] : bureau ? undefined : publicStates;
      const res = await listGuides(
        deps.db,
        {
          cityId: actor.cityId ?? "",
          statuses: bureau ? statuses : statuses?.filter((s) => publicStates.includes(s)),
        },
        page,
        pageSize,
      );
      return {
        items: res.items.map((g) => toGuideDto(g, deps.policies, request.ctx.now, actor.roles)),
        total: res.total,
        page,
        pageSize,
      };
    },
  );

  r.get(
    "/api/guides/:id",
    {
      config: { access: { permission: "guide.read", scope: "city" } },
      schema: {
        tags: ["guides"],
        summary: "One guide with its calls",
        params: idParams,
        response: { 200: guideSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const found = await findGuide(deps.db, actor.cityId ?? "", request.params.id);
      const bureau = can(actor.roles, "guide.decide");
      if (!found || (!bureau && !publicStates.includes(found.guide.status))) throw guideNotFound();
      return toGuideDto(found, deps.policies, request.ctx.now, actor.roles);
    },
  );

  r.post(
    "/api/guides",
    {
      config: { access: { permission: "guide.manage", scope: "city" } },
      schema: {
        tags: ["guides"],
        summary: "Draft a guide with its calls",
        body: guideContentSchema,
        response: { 201: guideSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createGuide({
        db: deps.db,
        ctx: request.ctx,
        actor,
        policies: deps.policies,
        content: request.body,
      });
      return reply.status(201).send(await reload(actor, id, request.ctx.now));
    },
  );

  r.put(
    "/api/guides/:id",
    {
      config: { access: { permission: "guide.manage", scope: "city" } },
      schema: {
        tags: ["guides"],
        summary: "Change a draft guide",
        params: idParams,
        body: guideContentSchema,
        response: { 200: guideSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateGuideContent({
        db: deps.db,
        ctx: request.ctx,
        actor,
        policies: deps.policies,
        id: request.params.id,
        content: request.body,
      });
      return reload(actor, request.params.id, request.ctx.now);
    },
  );

  r.post(
    "/api/guides/:id/events/:event",
    {
      config: { access: { permission: "guide.decide", scope: "city" } },
      schema: {
        tags: ["guides"],
        summary:
          "Move a guide through its lifecycle: submitForReview, returnToDraft, publish, close, archive",
        params: z.object({ id: z.uuid(), event: z.enum(guideEvents) }).strict(),
        response: { 200: guideSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const event = request.params.event as keyof typeof guideMachine.transitions;
      await changeGuideStatus({
        db: deps.db,
        ctx: request.ctx,
        actor,
        policies: deps.policies,
        id: request.params.id,
        event,
      });
      return reload(actor, request.params.id, request.ctx.now);
    },
  );

  /** The public notice board: published guides and their calls, no login needed. */
  r.get(
    "/api/public/guides",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["public"],
        summary: "Published guides of a city and their calls",
        querystring: z.object({ ...pageQuery, city: z.enum(["luoyang", "datong"]) }).strict(),
        response: { 200: pageOf(guideSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, city } = request.query;
      const res = await listGuides(deps.db, { cityId: city, statuses: publicStates }, page, pageSize);
      return {
        items: res.items.map((g) => toGuideDto(g, deps.policies, request.ctx.now, [])),
        total: res.total,
        page,
        pageSize,
      };
    },
  );

  r.get(
    "/api/public/guides/:city/:id",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["public"],
        summary: "One published guide",
        params: z.object({ city: z.enum(["luoyang", "datong"]), id: z.uuid() }).strict(),
        response: { 200: guideSchema },
      },
    },
    async (request) => {
      const found = await findGuide(deps.db, request.params.city, request.params.id);
      if (!found || !publicStates.includes(found.guide.status)) throw guideNotFound();
      return toGuideDto(found, deps.policies, request.ctx.now, []);
    },
  );
}
