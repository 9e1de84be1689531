import { notFound } from "@luoshu/domain";

export const userNotFound = () => notFound("用户不存在或无权访问。", "User not found or not accessible.");
