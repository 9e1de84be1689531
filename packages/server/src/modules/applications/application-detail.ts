import type { ApplicationDto, AttachmentDto } from "@luoshu/contract";
import type { AppDeps } from "../../deps.ts";
import type { CallerContext } from "../../lib/context.ts";
import { toApplicationDto } from "./applications.dto.ts";
import type { Attachment } from "./applications.repository.ts";
import { getApplication } from "./read-applications.ts";

/** What every application route answers with: the application as the caller may see it. */
export const applicationDetail =
  (deps: Pick<AppDeps, "repos" | "policies">) =>
  async (ctx: CallerContext, id: string): Promise<ApplicationDto> => {
    const { application, callOpensAt, unit } = await getApplication(deps, { ctx, id });
    return toApplicationDto(application, { policies: deps.policies, caller: ctx.actor }, callOpensAt, {
      unitNameZh: unit?.nameZh ?? null,
      unitKind: unit?.kind ?? null,
    });
  };

export const attachmentDto = (a: Attachment): AttachmentDto => ({
  ...a,
  uploadedAt: a.uploadedAt.toISOString(),
});
