import { notFound } from "@luoshu/domain";

/** One answer for "does not exist" and "not yours", so scope does not reveal what exists. */
export const unitNotFound = () => notFound("单位不存在或无权访问。", "Unit not found or not accessible.");
