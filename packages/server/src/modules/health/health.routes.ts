import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/health",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["system"],
        summary: "Liveness, database kind and migration version",
        response: {
          200: z.object({
            status: z.literal("ok"),
            database: z.enum(["embedded", "server"]),
            migration: z.string().nullable(),
          }),
        },
      },
    },
    async () => ({
      status: "ok" as const,
      database: deps.database.kind,
      migration: await deps.database.migrationVersion(),
    }),
  );
}
