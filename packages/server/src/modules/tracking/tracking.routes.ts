import {
  acceptanceBody,
  assessmentCandidateDto,
  assessmentEvents,
  assessmentSheetBody,
  conclusionBody,
  conveneBody,
  diligenceBody,
  districtOpinionBody,
  expertAssessmentDto,
  idParams,
  okSchema,
  progressDecisionBody,
  progressInboxDto,
  progressReportBody,
  progressReportEvents,
  regradeBody,
  selfClosureBody,
  trackingDto,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { regradeAcceptance, submitAcceptance } from "./acceptance.ts";
import { assessmentCandidates, conveneAssessment } from "./assessments.ts";
import { concludeAssessment } from "./conclude-assessment.ts";
import { findDiligence } from "./diligence.ts";
import { giveDistrictOpinion } from "./district-opinion.ts";
import { myAssessments, scoreAssessment } from "./expert-assessments.ts";
import { decideReport, fileReport, remindReport } from "./progress.ts";
import { progressInbox, progressNeeds } from "./progress-inbox.ts";
import { selfCloseProject } from "./self-closure.ts";
import { trackingOf } from "./tracking-view.ts";

const tags = ["tracking"];
const errors = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "CONFLICT",
  "NOT_FOUND",
  "VALIDATION",
  "PROJECT_CLOSED",
  "ASSESSMENT_CONFLICT",
] as const;
const periodParams = z.object({ id: z.uuid(), period: z.coerce.number().int().min(1).max(600) }).strict();
const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

/**
 * 跟踪服务 (DT-RULES §14(五); LY-FUNDS §10, §13(一)): progress reports, reminders and the mid-term
 * assessment. Each change on a project answers with its tracking, so the caller sees what follows.
 */
export async function trackingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tracking = (request: Parameters<typeof callerOf>[0], id: string) =>
    trackingOf(deps, callerOf(request), id);

  r.get(
    "/api/projects/:id/tracking",
    {
      config: { access: { permission: "project.read", scope: "city" }, errors: ["NOT_FOUND"] },
      schema: {
        tags,
        summary:
          "The project's schedule of progress reports with where each stands, what the next node waits for, and its mid-term assessments",
        params: idParams,
        response: { 200: trackingDto },
      },
    },
    async (request) => tracking(request, request.params.id),
  );

  r.get(
    "/api/progress-reports",
    {
      config: { access: { permission: "project.read", scope: "city" }, errors: [] },
      schema: {
        tags,
        summary:
          "Progress reports in the caller's scope that need something: to file (due soon, overdue, returned), to review, overdue",
        querystring: z.object({ need: z.enum(progressNeeds).default("file") }).strict(),
        response: { 200: listOf(progressInboxDto) },
      },
    },
    async (request) => progressInbox(deps, callerOf(request), request.query.need),
  );

  r.post(
    "/api/projects/:id/progress-reports",
    {
      config: { access: { permission: "progress.report", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The unit or its PI files a period's progress report (milestones with evidence, spending to date by budget line, variances explained), or files a returned one again",
        params: idParams,
        body: progressReportBody,
        response: { 201: trackingDto },
      },
    },
    async (request, reply) => {
      await fileReport(deps, { ctx: callerOf(request), projectId: request.params.id, body: request.body });
      return reply.status(201).send(await tracking(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/progress-reports/:period/events/:event",
    {
      config: { access: { permission: "progress.review", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "The bureau approves a submitted progress report, or returns it with what to mend",
        params: periodParams.extend({ event: z.enum(progressReportEvents) }).strict(),
        body: progressDecisionBody,
        response: { 200: trackingDto },
      },
    },
    async (request) => {
      const { id, period, event } = request.params;
      await decideReport(deps, { ctx: callerOf(request), projectId: id, period, event, ...request.body });
      return tracking(request, id);
    },
  );

  r.post(
    "/api/projects/:id/progress-reports/:period/reminders",
    {
      config: { access: { permission: "progress.review", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Remind the unit and the PI of a report overdue, returned or due within two weeks (once a China day per report)",
        params: periodParams,
        response: { 201: trackingDto },
      },
    },
    async (request, reply) => {
      const { id, period } = request.params;
      await remindReport(deps, { ctx: callerOf(request), projectId: id, period });
      return reply.status(201).send(await tracking(request, id));
    },
  );

  r.post(
    "/api/projects/:id/acceptance",
    {
      config: { access: { permission: "progress.report", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The unit or its PI submits for acceptance: the value reached for every target with evidence, the S&T report, the settlement by budget line, the integrity commitment (again once deferred)",
        params: idParams,
        body: acceptanceBody,
        response: { 201: trackingDto },
      },
    },
    async (request, reply) => {
      await submitAcceptance(deps, {
        ctx: callerOf(request),
        projectId: request.params.id,
        body: request.body,
      });
      return reply.status(201).send(await tracking(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/acceptance/regrade",
    {
      config: { access: { permission: "acceptance.regrade", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The finance bureau re-evaluates the project's grade with its reason (LY-FUNDS §5), before a post-subsidy is prepared",
        params: idParams,
        body: regradeBody,
        response: { 200: trackingDto },
      },
    },
    async (request) => {
      await regradeAcceptance(deps, {
        ctx: callerOf(request),
        projectId: request.params.id,
        ...request.body,
      });
      return tracking(request, request.params.id);
    },
  );

  r.post(
    "/api/projects/:id/acceptance/district-opinion",
    {
      config: {
        access: { permission: "acceptance.districtOpinion", scope: "city" },
        errors: [...errors],
      },
      schema: {
        tags,
        summary:
          "The project's district S&T department says whether it agrees with the acceptance, with its opinion, while the application awaits the panel's conclusion (DT-RULES §17; LY-FUNDS §7–8); the bureau reads it before concluding",
        params: idParams,
        body: districtOpinionBody,
        response: { 200: trackingDto },
      },
    },
    async (request) => {
      await giveDistrictOpinion(deps, {
        ctx: callerOf(request),
        projectId: request.params.id,
        body: request.body,
      });
      return tracking(request, request.params.id);
    },
  );

  r.post(
    "/api/projects/:id/self-closure",
    {
      config: { access: { permission: "progress.report", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The unit of a filed project (Luoyang's guiding projects) closes it itself with its report and the integrity commitment (LY-REFORM §三(三)1)",
        params: idParams,
        body: selfClosureBody,
        response: { 201: trackingDto },
      },
    },
    async (request, reply) => {
      await selfCloseProject(deps, {
        ctx: callerOf(request),
        projectId: request.params.id,
        report: request.body.report,
      });
      return reply.status(201).send(await tracking(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/diligence",
    {
      config: { access: { permission: "projectLife.decide", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The bureau finds that a project which failed acceptance, or was terminated on its unit's application, was carried out with due diligence (DT-RULES §5; LY-PLAN §九(三)): it closes without sanction",
        params: idParams,
        body: diligenceBody,
        response: { 200: trackingDto },
      },
    },
    async (request) => {
      await findDiligence(deps, {
        ctx: callerOf(request),
        projectId: request.params.id,
        finding: request.body.finding,
      });
      return tracking(request, request.params.id);
    },
  );

  r.get(
    "/api/projects/:id/assessment-candidates",
    {
      config: {
        access: { permission: "progress.review", scope: "city" },
        errors: ["NOT_FOUND", "VALIDATION"],
      },
      schema: {
        tags,
        summary:
          "The experts available for a panel on the project (mid-term or acceptance), each with why they must stand apart, if so",
        params: idParams,
        response: { 200: listOf(assessmentCandidateDto) },
      },
    },
    async (request) => assessmentCandidates(deps, callerOf(request), request.params.id),
  );

  r.post(
    "/api/projects/:id/assessments",
    {
      config: { access: { permission: "progress.review", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Convene the project's mid-term assessment or acceptance (kind) with a panel from the expert pool, none in conflict",
        params: idParams,
        body: conveneBody,
        response: { 201: trackingDto },
      },
    },
    async (request, reply) => {
      await conveneAssessment(deps, {
        ctx: callerOf(request),
        projectId: request.params.id,
        ...request.body,
      });
      return reply.status(201).send(await tracking(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/assessments/:assessmentId/events/:event",
    {
      config: { access: { permission: "progress.review", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Conclude as the panel's mean calls for: a mid-term passes (releasing its node) or is held; an acceptance passes with its grade and the verified R&D spend, or fails; an acceptance may be deferred for more materials",
        params: z.object({ id: z.uuid(), assessmentId: z.uuid(), event: z.enum(assessmentEvents) }).strict(),
        body: conclusionBody,
        response: { 200: trackingDto },
      },
    },
    async (request) => {
      const { id, assessmentId, event } = request.params;
      await concludeAssessment(deps, {
        ctx: callerOf(request),
        projectId: id,
        assessmentId,
        event,
        ...request.body,
      });
      return tracking(request, id);
    },
  );

  r.get(
    "/api/assessments",
    {
      config: { access: { permission: "assessment.score", scope: "city" }, errors: ["NOT_FOUND"] },
      schema: {
        tags,
        summary:
          "The assessments the expert sits on, with the project's plan and reports and their own sheet",
        response: { 200: listOf(expertAssessmentDto) },
      },
    },
    async (request) => myAssessments(deps, callerOf(request)),
  );

  r.post(
    "/api/assessments/:id/sheet",
    {
      config: { access: { permission: "assessment.score", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The expert submits their scorecard (every criterion, whole points 0–100, and a comment), once",
        params: idParams,
        body: assessmentSheetBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await scoreAssessment(deps, {
        ctx: callerOf(request),
        assessmentId: request.params.id,
        ...request.body,
      });
      return { ok: true as const };
    },
  );
}
