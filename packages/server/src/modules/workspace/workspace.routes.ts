import { idParams, notificationSchema, okSchema, workspaceSchema } from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { describeWorkspace } from "./describe-workspace.ts";
import { markNotificationRead } from "./mark-notification-read.ts";
import { listNotifications } from "./read-notifications.ts";

export async function workspaceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/workspace",
    {
      config: { access: { permission: "workspace.read", scope: "platform" } },
      schema: {
        tags: ["workspace"],
        summary: "What waits for the caller",
        response: { 200: workspaceSchema },
      },
    },
    async (request) => ({ tasks: await describeWorkspace(deps, { ctx: callerOf(request) }) }),
  );

  r.get(
    "/api/notifications",
    {
      config: { access: { permission: "workspace.read", scope: "own" } },
      schema: {
        tags: ["workspace"],
        summary: "What changed for the caller, newest first",
        response: { 200: z.array(notificationSchema) },
      },
    },
    (request) => listNotifications(deps, { ctx: callerOf(request) }),
  );

  r.post(
    "/api/notifications/:id/read",
    {
      config: { access: { permission: "workspace.read", scope: "own" } },
      schema: {
        tags: ["workspace"],
        summary: "Mark a notification read",
        params: idParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await markNotificationRead(deps, { ctx: callerOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );
}
