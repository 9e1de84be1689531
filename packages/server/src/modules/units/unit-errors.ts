import { DomainError } from "@luoshu/domain";

/** One answer for "does not exist" and "not yours", so scope does not reveal what exists. */
export const unitNotFound = () =>
  new DomainError({
    code: "NOT_FOUND",
    messageZh: "单位不存在或无权访问。",
    messageEn: "Unit not found or not accessible.",
  });
