import { DomainError } from "@luoshu/domain";

export const guideNotFound = () =>
  new DomainError({
    code: "NOT_FOUND",
    messageZh: "申报指南不存在或无权访问。",
    messageEn: "Guide not found or not accessible.",
  });
