import { expertStatusNames, makeResidentId, makeUscc } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { DocumentRenderer } from "../../lib/documents/render-pool.ts";
import type { ExpertFilter, ExpertsRepository } from "./experts.repository.ts";

type Deps = {
  repos: { experts: Pick<ExpertsRepository, "list" | "unitsByUscc"> };
  documents: Pick<DocumentRenderer, "render">;
};

/** The template, its example row naming one of the caller's city's own units. */
export async function expertTemplate(deps: Deps, input: { ctx: CallerContext }) {
  const { scope } = input.ctx;
  const units = scope.kind === "city" ? await deps.repos.experts.unitsByUscc(scope.cityId) : new Map();
  const exampleUscc = [...units.keys()].sort()[0] ?? makeUscc("91410305MA9TE0001");
  return deps.documents.render("expertTemplate", {
    exampleUscc,
    exampleIdNumber: makeResidentId("41030519800101001"),
  });
}

/** The pool with the list's filters as .xlsx; ID numbers only masked. */
export async function expertListXlsx(deps: Deps, input: { ctx: CallerContext; filter: ExpertFilter }) {
  const { items } = await deps.repos.experts.list(input.ctx.scope, input.filter, 1, 5000);
  return deps.documents.render("expertList", {
    generatedAt: input.ctx.now,
    rows: items.map((e) => ({
      username: e.username,
      displayName: e.displayName,
      idNumberMasked: e.idNumberMasked ?? "",
      unitName: e.unitNameZh,
      unitUscc: e.unitUscc,
      disciplines: e.disciplines,
      title: e.title,
      keywords: e.keywords,
      region: e.region,
      phone: e.phone ?? "",
      email: e.email ?? "",
      availability: e.availability.map((w) => `${w.from}~${w.until}`).join("；"),
      statusZh: expertStatusNames[e.status].zh,
      suspensionReason: e.suspensionReason ?? "",
    })),
  });
}
