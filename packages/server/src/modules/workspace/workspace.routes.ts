import { and, desc, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notifications } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { idParams } from "../../lib/http-schemas.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { actorOf } from "../../plugins/access.ts";
import { workspaceOf } from "./workspace.service.ts";

export async function workspaceRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/workspace",
    {
      config: { access: { permission: "workspace.read", scope: "unit" } },
      schema: {
        tags: ["workspace"],
        summary: "What waits for the caller",
        response: {
          200: z.object({
            tasks: z.array(
              z.object({
                key: z.string(),
                titleZh: z.string(),
                titleEn: z.string(),
                count: z.number().nullable(),
                link: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ tasks: await workspaceOf(deps.db, actorOf(request), request.ctx.now) }),
  );

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/notifications",
    {
      config: { access: { permission: "workspace.read", scope: "own" } },
      schema: {
        tags: ["workspace"],
        summary: "What changed for the caller, newest first",
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              titleZh: z.string(),
              titleEn: z.string(),
              link: z.string(),
              createdAt: z.string(),
              read: z.boolean(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const rows = await deps.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, actorOf(request).userId))
        .orderBy(desc(notifications.createdAt))
        .limit(50);
      return rows.map((x) => ({
        id: x.id,
        titleZh: x.titleZh,
        titleEn: x.titleEn,
        link: x.link,
        createdAt: x.createdAt.toISOString(),
        read: x.readAt !== null,
      }));
    },
  );
  r.post(
    "/api/notifications/:id/read",
    {
      config: { access: { permission: "workspace.read", scope: "own" } },
      schema: {
        tags: ["workspace"],
        summary: "Mark a notification read",
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await inTransaction(deps.db, request.ctx, async (tx, audit) => {
        await tx
          .update(notifications)
          .set({ readAt: request.ctx.now })
          .where(
            and(
              eq(notifications.id, request.params.id),
              eq(notifications.userId, actor.userId),
              isNull(notifications.readAt),
            ),
          );
        audit({ action: "notification.read", entityType: "notification", entityId: request.params.id });
      });
      return { ok: true as const };
    },
  );
}
