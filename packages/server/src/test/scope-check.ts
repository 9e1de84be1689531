import {
  type ApplicationState,
  applicationVisible,
  type GuideState,
  inScope,
  type JointTopicState,
  jointTopicVisible,
  mayReadGuide,
  type Role,
  type Scope,
  type ScopedRow,
} from "@luoshu/domain";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client.ts";

// What plugins/scope.test.ts judges responses by: the database's own facts about every row a
// response may carry, and a walk over a response body that names each row outside a scope.

/** What the database says about one row: its table, its scope columns and (applications, guides) its state. */
export interface RowFacts {
  table: string;
  row: ScopedRow;
  status?: string;
}

/**
 * Every tenant row by id. A table scopes its rows by the columns it carries (lib/scope-sql.ts): a key
 * left out of `row` is not narrowed (a guide belongs to its whole city), a key present as null is
 * outside that narrowing (a city officer's account has no district).
 */
export async function loadRowFacts(db: Db): Promise<Map<string, RowFacts>> {
  type Row = {
    t: string;
    id: string;
    city: string | null;
    district: string | null;
    unit: string | null;
    owner: string | null;
    status: string | null;
  };
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select 'applications' as t, id::text, city_id as city, district_code as district, unit_id::text as unit,
        null as owner, status from applications
      union all select 'units', id::text, city_id, district_code, id::text, null, null from units
      union all select 'users', id::text, city_id, district_code, unit_id::text, id::text, null from users
      union all select 'guides', id::text, city_id, null, null, null, status from guides
      union all select 'calls', c.id::text, c.city_id, null, null, null, g.status
        from calls c join guides g on g.city_id = c.city_id and g.id = c.guide_id
      union all select 'needs', id::text, city_id, null, null, null, null from needs
      union all select 'integrity', id::text, city_id, null, null, null, null from integrity_records
      union all select 'experts', id::text, city_id, null, unit_id::text, user_id::text, null from expert_profiles
      union all select 'reviewPlans', id::text, city_id, null, null, null, status from review_plans
      union all select 'reviewAssignments', a.id::text, a.city_id, null, null, p.user_id::text, a.status
        from review_assignments a join expert_profiles p on p.city_id = a.city_id and p.id = a.expert_id
      union all select 'proposedLists', id::text, city_id, null, null, null, status from proposed_lists
      union all select 'projects', p.id::text, p.city_id, u.district_code, p.unit_id::text, p.pi_user_id::text, null
        from projects p join units u on u.city_id = p.city_id and u.id = p.unit_id
      union all select 'payments', pay.id::text, pay.city_id, u.district_code, p.unit_id::text, p.pi_user_id::text, pay.status
        from payments pay join projects p on p.city_id = pay.city_id and p.id = pay.project_id
        join units u on u.city_id = p.city_id and u.id = p.unit_id
      union all select 'jointTopics', id::text, city_id, null, unit_id::text, null, status from joint_topics
      union all select 'fundPushes', id::text, city_id, null, null, null, status from fund_pushes
      union all select 'notifications', id::text, city_id, null, null, user_id::text, null from notifications
      union all select 'attachments', f.id::text, f.city_id, a.district_code, a.unit_id::text, null, a.status
        from attachments f join applications a on a.city_id = f.city_id and a.id = f.application_id`),
  );
  const carries: Record<string, (keyof ScopedRow)[]> = {
    applications: ["districtCode", "unitId"],
    attachments: ["districtCode", "unitId"],
    units: ["districtCode", "unitId"],
    users: ["districtCode", "unitId", "ownerUserId"],
    notifications: ["ownerUserId"],
    experts: ["ownerUserId"],
    reviewAssignments: ["ownerUserId"],
    projects: ["districtCode", "unitId", "ownerUserId"],
    // a payment is read only through its project, so it has the project's scope
    payments: ["districtCode", "unitId", "ownerUserId"],
    jointTopics: ["unitId"],
  };
  const facts = new Map<string, RowFacts>();
  for (const r of rows) {
    const row: ScopedRow = { cityId: r.city };
    const values = { districtCode: r.district, unitId: r.unit, ownerUserId: r.owner, cityId: r.city };
    for (const key of carries[r.t] ?? []) row[key] = values[key];
    facts.set(r.id, { table: r.t, row, ...(r.status ? { status: r.status } : {}) });
  }
  return facts;
}

/**
 * Whether a known row lies inside the scope and, for the caller's roles, is visible at all:
 * applications hide their drafts beyond the unit, guides (and their calls) in draft or internal
 * review are the bureau's own.
 */
export function reaches(scope: Scope, f: RowFacts, roles?: readonly Role[]): boolean {
  if (f.table === "applications" && f.status) {
    const { cityId, districtCode, unitId } = f.row;
    return applicationVisible(scope, {
      cityId: cityId ?? "",
      districtCode: districtCode ?? "",
      unitId: unitId ?? "",
      status: f.status as ApplicationState,
    });
  }
  if (f.table === "jointTopics" && roles) {
    const unitId = scope.kind === "unit" ? scope.unitId : null;
    return (
      inScope(scope, { cityId: f.row.cityId }) &&
      jointTopicVisible(
        { roles, unitId },
        { unitId: f.row.unitId ?? "", status: f.status as JointTopicState },
      )
    );
  }
  const guideLike = f.table === "guides" || f.table === "calls";
  if (guideLike && roles && f.status && !mayReadGuide(roles, f.status as GuideState)) return false;
  return inScope(scope, f.row);
}

export const describeScope = (s: Scope): string => {
  switch (s.kind) {
    case "district":
      return `district ${s.cityId}/${s.districtCode}`;
    case "unit":
      return `unit ${s.cityId}/${s.unitId}`;
    case "city":
      return `city ${s.cityId}`;
    case "own":
      return `own ${s.cityId}/${s.userId}`;
    default:
      return s.kind;
  }
};

const scopeKeys = ["cityCode", "cityId", "districtCode", "unitId"] as const;

/**
 * Judges response bodies: every object in a body that is a row (one the database knows by its `id`,
 * or one that carries a scope field `cityCode`/`cityId`, `districtCode`, `unitId`) must lie inside
 * the scope. `judged` counts the rows seen, so a check that silently judges nothing can fail.
 */
export function scopeChecker(facts: Map<string, RowFacts>) {
  let judged = 0;
  function outside(scope: Scope, body: unknown, roles?: readonly Role[]): string[] {
    const found: string[] = [];
    const visit = (v: unknown, path: string) => {
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) visit(x, `${path}[${i}]`);
        return;
      }
      if (!v || typeof v !== "object") return;
      const o = v as Record<string, unknown>;
      const id = typeof o.id === "string" ? o.id : undefined;
      const known = id ? facts.get(id) : undefined;
      let row: ScopedRow | undefined;
      if (scopeKeys.some((k) => k in o)) {
        // A row naming only its unit (an integrity record) belongs to the unit's city.
        const unitId = typeof o.unitId === "string" ? o.unitId : undefined;
        const cityId = o.cityCode ?? o.cityId ?? (unitId ? facts.get(unitId)?.row.cityId : undefined);
        if (cityId !== undefined) {
          row = { cityId: cityId as string | null };
          if ("districtCode" in o) row.districtCode = o.districtCode as string | null;
          if ("unitId" in o) row.unitId = o.unitId as string | null;
        }
      }
      if (known || row) judged++;
      if ((known && !reaches(scope, known, roles)) || (row && !inScope(scope, row))) {
        const state = known?.status ? ` ${known.status}` : "";
        const what = known
          ? `${known.table}${state} ${id} ${JSON.stringify(known.row)}`
          : `row ${id ?? "(no id)"}`;
        found.push(`${path} ${what}${row ? ` shown as ${JSON.stringify(row)}` : ""}`);
      }
      for (const [k, x] of Object.entries(o)) if (x && typeof x === "object") visit(x, `${path}.${k}`);
    };
    visit(body, "$");
    return found;
  }
  return { outside, judged: () => judged };
}
