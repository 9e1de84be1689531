import type {
  CallWindow,
  CityCode,
  GuideContent,
  GuideContentInput,
  GuideEvent,
  GuideState,
} from "@luoshu/domain";
import { apiFetch } from "./client";
import type { Page } from "./types";

/** One application window of a guide; `window` is computed by the server from its own clock. */
export interface GuideCall {
  id: string;
  nameZh: string;
  opensAt: string;
  closesAt: string;
  window: CallWindow;
}

/** A guide (申报指南) as the server shows it: its content, its calls and what the caller may do next. */
export interface Guide {
  id: string;
  cityCode: CityCode;
  policyVersion: string;
  program: string;
  programNameZh: string;
  programNameEn: string;
  fundingMode: string;
  yearlyCap: { count: number; clause: string | null } | null;
  year: number;
  titleZh: string;
  status: GuideState;
  statusZh: string;
  content: GuideContent;
  calls: GuideCall[];
  allowedEvents: GuideEvent[];
  publishedAt: string | null;
}

export interface GuideQuery {
  page: number;
  pageSize: number;
  status?: GuideState;
}

export function fetchGuides(q: GuideQuery): Promise<Page<Guide>> {
  return apiFetch("/guides", { query: { ...q } });
}

export function fetchGuide(id: string): Promise<Guide> {
  return apiFetch(`/guides/${encodeURIComponent(id)}`);
}

export function createGuide(content: GuideContentInput): Promise<Guide> {
  return apiFetch("/guides", { method: "POST", body: content });
}

export function updateGuide(id: string, content: GuideContentInput): Promise<Guide> {
  return apiFetch(`/guides/${encodeURIComponent(id)}`, { method: "PUT", body: content });
}

export function fireGuideEvent(id: string, event: GuideEvent): Promise<Guide> {
  return apiFetch(`/guides/${encodeURIComponent(id)}/events/${event}`, { method: "POST" });
}

/** The public notice board (no login). */
export function fetchPublicGuides(city: CityCode, page = 1, pageSize = 50): Promise<Page<Guide>> {
  return apiFetch("/public/guides", { query: { city, page, pageSize } });
}

export function fetchPublicGuide(city: CityCode, id: string): Promise<Guide> {
  return apiFetch(`/public/guides/${encodeURIComponent(city)}/${encodeURIComponent(id)}`);
}
