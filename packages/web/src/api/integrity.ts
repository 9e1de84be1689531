import type { IntegrityKind } from "@luoshu/domain";
import { apiFetch } from "./client";

export interface IntegrityRecord {
  id: string;
  subject: "unit" | "person";
  unitId: string | null;
  unitNameZh: string | null;
  personName: string | null;
  kind: IntegrityKind;
  fromDate: string;
  untilDate: string | null;
  reason: string;
  clause: string;
  inForce: boolean;
  blocksApplications: boolean;
  createdAt: string;
}

interface Sanction {
  kind: IntegrityKind;
  fromDate: string;
  untilDate: string | null;
  reason: string;
  clause: string;
}

export type IntegrityInput =
  | ({ subject: "unit"; unitId: string } & Sanction)
  | ({ subject: "person"; personName: string; idNumber: string } & Sanction);

export function fetchIntegrityRecords(): Promise<IntegrityRecord[]> {
  return apiFetch("/integrity-records");
}

export function createIntegrityRecord(input: IntegrityInput): Promise<IntegrityRecord> {
  return apiFetch("/integrity-records", { method: "POST", body: input });
}
