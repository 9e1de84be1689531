import type { IntegrityRecordBody, IntegrityRecordDto, integrityLiftBody } from "@luoshu/contract";
import { apiFetch } from "./client";
import type { In } from "./decisions";

export type IntegrityRecord = IntegrityRecordDto;
export type IntegrityInput = IntegrityRecordBody;
export type IntegrityLiftInput = In<typeof integrityLiftBody>;

export function fetchIntegrityRecords(): Promise<IntegrityRecord[]> {
  return apiFetch("/integrity-records");
}

export function createIntegrityRecord(input: IntegrityInput): Promise<IntegrityRecord> {
  return apiFetch("/integrity-records", { method: "POST", body: input });
}

/** 解除: the record ends by a recorded decision with its reason; the gates no longer find it. */
export function liftIntegrityRecord(id: string, body: IntegrityLiftInput): Promise<IntegrityRecord> {
  return apiFetch(`/integrity-records/${encodeURIComponent(id)}/lift`, { method: "POST", body });
}
