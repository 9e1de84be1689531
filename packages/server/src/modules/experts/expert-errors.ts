import { notFound } from "@luoshu/domain";

/** One answer for "does not exist" and "not yours", so scope does not reveal who is in the pool. */
export const expertNotFound = () => notFound("专家不存在或无权访问。", "Expert not found or not accessible.");
