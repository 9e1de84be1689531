/** Response shapes of the server's API, as agreed in the contract. Money is always integer fen. */
import type { Permission, Role } from "@luoshu/domain";

export interface Place {
  code: string;
  nameZh: string;
  nameEn: string;
}

export type ScopeKind = "platform" | "city" | "district" | "unit" | "own";

export interface Me {
  id: string;
  username: string;
  displayName: string;
  city: Place | null;
  district: Place | null;
  unit: { id: string; nameZh: string } | null;
  roles: Role[];
  permissions: Permission[];
  scope: { kind: ScopeKind };
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const unitKinds = [
  "enterprise",
  "university",
  "institute",
  "hospital",
  "newRdInstitution",
  "other",
] as const;
export type UnitKind = (typeof unitKinds)[number];

export interface Unit {
  id: string;
  cityCode: string;
  uscc: string;
  nameZh: string;
  kind: UnitKind;
  districtCode: string;
  districtNameZh: string;
  legalRepresentative: string;
  createdAt: string;
}

export type UserStatus = "active" | "disabled";

export interface User {
  id: string;
  username: string;
  displayName: string;
  cityCode: string | null;
  districtCode: string | null;
  unitId: string | null;
  unitNameZh: string | null;
  roles: Role[];
  idNumberMasked: string | null;
  status: UserStatus;
  lockedUntil: string | null;
  createdAt: string;
}

export interface WorkspaceTask {
  key: string;
  titleZh: string;
  titleEn: string;
  /** null when the task has no meaningful count (a link only). */
  count: number | null;
  link: string;
}

export type CityCode = "luoyang" | "datong";

export interface Finding {
  code: string;
  messageZh: string;
  messageEn: string;
  clause?: string;
}

export interface BudgetLineInput {
  category: string;
  amountFen: number;
  purchaseFen?: number;
  note?: string;
}

export interface BudgetCheckRequest {
  city: CityCode;
  program?: string;
  theoretical?: boolean;
  lines: BudgetLineInput[];
}

export interface BudgetCheckResult {
  city: string;
  policyVersion: string;
  program: string | null;
  directCostFen: number;
  equipmentPurchaseFen: number;
  indirectBaseFen: number;
  indirectCostFen: number;
  indirectCostCapFen: number | null;
  totalFen: number;
  categories: {
    category: string;
    group: string;
    nameZh: string;
    nameEn: string;
    amountFen: number;
    findings: Finding[];
  }[];
  violations: (Finding & { category?: string })[];
  appliedClauses: string[];
}

export type Grade = "excellent" | "good" | "pass" | "fail";

export interface PostSubsidyRequest {
  city: CityCode;
  program: string;
  grade: Grade;
  verifiedRdFen: number;
}

export interface PostSubsidyResult {
  amountFen: number;
  ratioBp: number;
  capFen: number;
  clause: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  hash: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}
