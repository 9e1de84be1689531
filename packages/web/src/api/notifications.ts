import type { NotificationDto } from "@luoshu/contract";
import { apiFetch } from "./client";

export type Notification = NotificationDto;

export function fetchNotifications(): Promise<Notification[]> {
  return apiFetch("/notifications");
}

export async function markNotificationRead(id: string): Promise<void> {
  await apiFetch(`/notifications/${encodeURIComponent(id)}/read`, { method: "POST" });
}
