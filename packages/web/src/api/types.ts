/**
 * Response shapes of the server's own records (sessions, units, users, audit), as agreed in the
 * contract. Shapes the domain computes (budget checks, policies) are imported from @luoshu/domain
 * where they are used. Money is always integer fen.
 */
import type { Permission, Role, ScopeKind, UnitKind } from "@luoshu/domain";

export interface Place {
  code: string;
  nameZh: string;
  nameEn: string;
}

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
