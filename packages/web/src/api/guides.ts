import type { CallDto, GuideBody, GuideDto, GuideListQuery, Page } from "@luoshu/contract";
import type { CityCode, GuideEvent } from "@luoshu/domain";
import { apiFetch } from "./client";

export type GuideCall = CallDto;
/** A guide (申报指南) as the server shows it: its content, its calls and what the caller may do next. */
export type Guide = GuideDto;
export type GuideQuery = GuideListQuery;

export function fetchGuides(q: GuideQuery): Promise<Page<Guide>> {
  return apiFetch("/guides", { query: { ...q } });
}

export function fetchGuide(id: string): Promise<Guide> {
  return apiFetch(`/guides/${encodeURIComponent(id)}`);
}

export function createGuide(content: GuideBody): Promise<Guide> {
  return apiFetch("/guides", { method: "POST", body: content });
}

export function updateGuide(id: string, content: GuideBody): Promise<Guide> {
  return apiFetch(`/guides/${encodeURIComponent(id)}`, { method: "PUT", body: content });
}

/** `overrideReason`: the leader's reason for publishing over a cap the policy states in principle. */
export function fireGuideEvent(id: string, event: GuideEvent, overrideReason?: string): Promise<Guide> {
  return apiFetch(`/guides/${encodeURIComponent(id)}/events/${event}`, {
    method: "POST",
    body: overrideReason ? { overrideReason } : {},
  });
}

/** The public notice board (no login). */
export function fetchPublicGuides(city: CityCode, page = 1, pageSize = 50): Promise<Page<Guide>> {
  return apiFetch("/public/guides", { query: { city, page, pageSize } });
}

export function fetchPublicGuide(city: CityCode, id: string): Promise<Guide> {
  return apiFetch(`/public/guides/${encodeURIComponent(city)}/${encodeURIComponent(id)}`);
}
