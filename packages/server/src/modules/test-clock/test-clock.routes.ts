import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";

/**
 * Moves the server's clock forward for a browser test (a public notice's working days, a
 * deadline). The route exists only when the server was started with LUOSHU_TEST_CLOCK=1, which
 * the configuration refuses in production.
 */
export async function testClockRoutes(app: FastifyInstance, deps: AppDeps) {
  const clock = deps.testClock;
  if (!clock) return;
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/test-clock/advance",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["test"],
        summary: "Move the server's clock forward (browser tests only; absent in production)",
        body: z.object({ days: z.int().min(1).max(400) }).strict(),
        response: { 200: z.object({ now: z.string() }) },
      },
    },
    async (request) => {
      clock.advance(request.body.days * 86_400_000);
      return { now: clock.now().toISOString() };
    },
  );
}
