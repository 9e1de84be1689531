import { z } from "zod";
import { instant } from "./shared.ts";

export const workspaceTaskSchema = z.object({
  key: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  /** null when the task has no meaningful count (a link only). */
  count: z.number().nullable(),
  link: z.string(),
});
export type WorkspaceTask = z.infer<typeof workspaceTaskSchema>;

export const workspaceSchema = z.object({ tasks: z.array(workspaceTaskSchema) });
export type WorkspaceDto = z.infer<typeof workspaceSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  link: z.string(),
  createdAt: instant,
  read: z.boolean(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;
