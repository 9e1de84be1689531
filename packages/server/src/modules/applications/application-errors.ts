import { DomainError, notFound } from "@luoshu/domain";

export const applicationNotFound = () =>
  notFound("申报书不存在或无权访问。", "Application not found or not accessible.");

export const concurrentChange = () =>
  new DomainError({
    code: "CONFLICT",
    messageZh: "申报书正在被他人修改，请刷新后重试。",
    messageEn: "The application is being changed by someone else; reload and try again.",
  });
