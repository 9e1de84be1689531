import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app.ts";
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
}
