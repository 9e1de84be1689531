import { apiFetch } from "./client";

export interface Notification {
  id: string;
  titleZh: string;
  titleEn: string;
  link: string;
  createdAt: string;
  read: boolean;
}

export function fetchNotifications(): Promise<Notification[]> {
  return apiFetch("/notifications");
}

export function markNotificationRead(id: string): Promise<{ ok: true }> {
  return apiFetch(`/notifications/${encodeURIComponent(id)}/read`, { method: "POST" });
}
