import type { ApplicationDto, AttachmentDto } from "@luoshu/contract";
import type { Policy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { toApplicationDto } from "./applications.dto.ts";
import type { Attachment } from "./applications.repository.ts";
import type { ApplicationView } from "./read-applications.ts";

/** What every application route answers with: the application as the caller may see it. */
export function toDetailDto(
  view: ApplicationView,
  policies: readonly Policy[],
  ctx: CallerContext,
): ApplicationDto {
  const { application, callOpensAt, unit } = view;
  return toApplicationDto(application, { policies, caller: ctx.actor }, callOpensAt, {
    unitNameZh: unit?.nameZh ?? null,
    unitKind: unit?.kind ?? null,
  });
}

export const attachmentDto = (a: Attachment): AttachmentDto => ({
  ...a,
  uploadedAt: a.uploadedAt.toISOString(),
});
