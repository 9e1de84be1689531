import type { IntegrityRecordBody, IntegrityRecordDto } from "@luoshu/contract";
import { apiFetch } from "./client";

export type IntegrityRecord = IntegrityRecordDto;
export type IntegrityInput = IntegrityRecordBody;

export function fetchIntegrityRecords(): Promise<IntegrityRecord[]> {
  return apiFetch("/integrity-records");
}

export function createIntegrityRecord(input: IntegrityInput): Promise<IntegrityRecord> {
  return apiFetch("/integrity-records", { method: "POST", body: input });
}
