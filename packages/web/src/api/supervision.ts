import type {
  InspectionDto,
  inspectionBody,
  inspectionResultBody,
  PublicDrawDto,
  SupervisionDto,
} from "@luoshu/contract";
import { apiFetch } from "./client";
import type { In } from "./decisions";

/** 随机抽查与检查 (LY-PLAN §七(四)): the city's draws, the inspections and their shared results. */
export type Supervision = SupervisionDto;
export type Inspection = InspectionDto;
export type PublicDraw = PublicDrawDto;
export type InspectionInput = In<typeof inspectionBody>;
export type InspectionResultInput = In<typeof inspectionResultBody>;

export function fetchSupervision(): Promise<Supervision> {
  return apiFetch("/supervision");
}

/** 抽取: this cycle's draw at the city's rate, with a seed the server picks, records and publishes. */
export function drawThisCycle(): Promise<PublicDraw> {
  return apiFetch("/supervision/draws", { method: "POST" });
}

/** An audit (the bureau) or a finance check (the finance bureau) of a project. */
export function recordInspection(body: InspectionInput): Promise<{ id: string }> {
  return apiFetch("/supervision/inspections", { method: "POST", body });
}

export function recordInspectionResult(id: string, body: InspectionResultInput): Promise<{ id: string }> {
  return apiFetch(`/supervision/inspections/${encodeURIComponent(id)}/result`, { method: "POST", body });
}

/** Every city's draws with what reproduces them; no login. */
export function fetchPublicSpotChecks(): Promise<{ items: PublicDraw[] }> {
  return apiFetch("/public/spot-checks");
}
