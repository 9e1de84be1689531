import { DomainError } from "@luoshu/domain";

export const applicationNotFound = () =>
  new DomainError({
    code: "NOT_FOUND",
    messageZh: "申报书不存在或无权访问。",
    messageEn: "Application not found or not accessible.",
  });
