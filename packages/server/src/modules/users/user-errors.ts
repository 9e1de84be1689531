import { DomainError } from "@luoshu/domain";

export const userNotFound = () =>
  new DomainError({
    code: "NOT_FOUND",
    messageZh: "用户不存在或无权访问。",
    messageEn: "User not found or not accessible.",
  });
