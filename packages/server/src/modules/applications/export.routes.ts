import { applicationListFilter, idParams } from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { applicationListXlsx, applicationPdf, commitmentLetterPdf } from "./export-documents.ts";

/** What rendering off the request thread may answer: past the size budget, a full queue, a timeout. */
const documentErrors = ["DOCUMENT_TOO_LARGE", "DOCUMENTS_BUSY", "DOCUMENT_TIMEOUT"] as const;

/** Documents: the application and its commitment letter as PDF, the filtered list as .xlsx. */
export async function exportRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/applications/export.xlsx",
    {
      config: { access: { permission: "application.read", scope: "city" }, errors: documentErrors },
      schema: {
        tags: ["applications"],
        summary: "The application list with the same filters, as .xlsx",
        querystring: applicationListFilter,
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (request, reply) => {
      const file = await applicationListXlsx(deps, { ctx: callerOf(request), filter: request.query });
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="applications.xlsx"; filename*=UTF-8''${encodeURIComponent("申报书列表.xlsx")}`,
        )
        .send(file);
    },
  );

  const pdfs = [
    {
      path: "pdf",
      name: "application",
      render: applicationPdf,
      summary: "The application as PDF: every section and the budget table",
    },
    {
      path: "commitment-letter.pdf",
      name: "commitment",
      render: commitmentLetterPdf,
      summary: "The commitment letter (承诺书, LY-FUNDS §24) to print, sign, seal and upload",
    },
  ];
  for (const pdf of pdfs) {
    r.get(
      `/api/applications/:id/${pdf.path}`,
      {
        config: { access: { permission: "application.read", scope: "city" }, errors: documentErrors },
        schema: {
          tags: ["applications"],
          summary: pdf.summary,
          params: idParams,
          produces: ["application/pdf"],
        },
      },
      async (request, reply) => {
        const file = await pdf.render(deps, { ctx: callerOf(request), id: request.params.id });
        return reply
          .type("application/pdf")
          .header(
            "content-disposition",
            `inline; filename="${pdf.name}-${request.params.id.slice(0, 8)}.pdf"`,
          )
          .send(file);
      },
    );
  }
}
