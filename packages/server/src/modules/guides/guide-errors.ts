import { notFound } from "@luoshu/domain";

export const guideNotFound = () =>
  notFound("申报指南不存在或无权访问。", "Guide not found or not accessible.");
