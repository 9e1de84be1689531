import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { ErrorCode } from "@luoshu/domain";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, validatorCompiler } from "fastify-type-provider-zod";
import type { AppDeps } from "./deps.ts";
import { applicationRoutes } from "./modules/applications/applications.routes.ts";
import { exportRoutes } from "./modules/applications/export.routes.ts";
import { reviewRoutes } from "./modules/applications/review.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { budgetRoutes } from "./modules/budget/budget.routes.ts";
import { budgetCycleRoutes } from "./modules/budget/budget-cycle.routes.ts";
import { challengeRoutes } from "./modules/decisions/challenges.routes.ts";
import { decisionRoutes } from "./modules/decisions/decisions.routes.ts";
import { projectRoutes } from "./modules/decisions/projects.routes.ts";
import { dedupRoutes } from "./modules/dedup/dedup.routes.ts";
import { executionRoutes } from "./modules/execution/execution.routes.ts";
import { expertRoutes } from "./modules/experts/experts.routes.ts";
import { fundPushRoutes } from "./modules/fund-push/fund-push.routes.ts";
import { guideRoutes } from "./modules/guides/guides.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { integrityRoutes } from "./modules/integrity/integrity.routes.ts";
import { jointRoutes } from "./modules/joint/joint.routes.ts";
import { needRoutes } from "./modules/needs/needs.routes.ts";
import { policyRoutes } from "./modules/policies/policies.routes.ts";
import { projectLifeRoutes } from "./modules/project-life/project-life.routes.ts";
import { referenceRoutes } from "./modules/reference/reference.routes.ts";
import { reviewRoutes as expertReviewRoutes } from "./modules/reviews/reviews.routes.ts";
import { rectificationRoutes } from "./modules/supervision/rectifications.routes.ts";
import { supervisionRoutes } from "./modules/supervision/supervision.routes.ts";
import { testClockRoutes } from "./modules/test-clock/test-clock.routes.ts";
import { subsidyUseRoutes } from "./modules/tracking/subsidy-use.routes.ts";
import { trackingRoutes } from "./modules/tracking/tracking.routes.ts";
import { unitRoutes } from "./modules/units/units.routes.ts";
import { userRoutes } from "./modules/users/users.routes.ts";
import { workspaceRoutes } from "./modules/workspace/workspace.routes.ts";
import { type RegisteredRoute, registerAccess } from "./plugins/access.ts";
import { possibleCodes, problemResponses, routeFacts } from "./plugins/error-codes.ts";
import { badUrlProblem, registerHostileInputGuard } from "./plugins/hostile-input.ts";
import { notFoundBody, registerProblemHandler } from "./plugins/problem.ts";
import { responseSerializer } from "./plugins/response-serializer.ts";
import { registerSecurityHeaders, securityHeaders } from "./plugins/security-headers.ts";
import { registerWebAssets } from "./plugins/web-assets.ts";

export const bodyLimit = 1024 * 1024;

/** Builds the whole application without listening, so tests drive it with `app.inject`. */
export type App = FastifyInstance & { routesDeclared: RegisteredRoute[] };

/**
 * `onUndeclaredError` hears of any error code a route answers without declaring it (the test harness
 * fails on it), so the codes the OpenAPI document lists per operation stay true.
 */
export async function buildApp(
  deps: AppDeps,
  opts: { onUndeclaredError?: (route: string, code: ErrorCode) => void } = {},
): Promise<App> {
  const headers = securityHeaders({ https: deps.secureCookies });
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit,
    trustProxy: process.env.LUOSHU_TRUST_PROXY === "1",
    frameworkErrors: badUrlProblem(headers),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(deps.checkResponses));
  registerProblemHandler(app, opts.onUndeclaredError);
  registerHostileInputGuard(app);
  registerSecurityHeaders(app, headers);
  app.addHook("onClose", () => deps.documents.close());
  await app.register(fastifyCookie);

  const routesDeclared: RegisteredRoute[] = [];
  registerAccess(app, deps, routesDeclared);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Luoshu 洛书 API",
        version: "0.1.0",
        description: "City S&T plan project management platform",
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const method = [input.route.method].flat()[0] ?? "GET";
      const problems = problemResponses(possibleCodes(routeFacts(input.route, method)));
      const response = (out.schema as { response?: Record<number, unknown> }).response;
      return { ...out, schema: { ...out.schema, response: { ...problems, ...response } } };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get(
    "/api/openapi.json",
    { config: { access: { permission: "public", scope: "none" } }, schema: { hide: true } },
    () => app.swagger(),
  );

  for (const routes of [
    healthRoutes,
    authRoutes,
    policyRoutes,
    budgetRoutes,
    referenceRoutes,
    unitRoutes,
    userRoutes,
    workspaceRoutes,
    auditRoutes,
    guideRoutes,
    applicationRoutes,
    reviewRoutes,
    exportRoutes,
    needRoutes,
    integrityRoutes,
    dedupRoutes,
    expertRoutes,
    expertReviewRoutes,
    decisionRoutes,
    projectRoutes,
    challengeRoutes,
    jointRoutes,
    executionRoutes,
    fundPushRoutes,
    projectLifeRoutes,
    supervisionRoutes,
    rectificationRoutes,
    trackingRoutes,
    subsidyUseRoutes,
    budgetCycleRoutes,
    testClockRoutes,
  ]) {
    await app.register(async (scope) => routes(scope, deps));
  }

  const clientRoute = await registerWebAssets(app, deps.webDist);
  // Unknown API paths get a problem document; a client-side route of the web UI gets its page.
  app.setNotFoundHandler((request, reply) => {
    if (clientRoute(request)) return reply.sendFile("index.html");
    return reply.status(404).type("application/problem+json").send(notFoundBody(request.method, request.url));
  });
  return Object.assign(app as unknown as FastifyInstance, { routesDeclared });
}
