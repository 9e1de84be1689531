import type { Actor, GuideContent, IntegrityRecordFacts } from "@luoshu/domain";
import { getTableColumns, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.ts";
import { applications, calls, units } from "../../db/schema/index.ts";
import { rawSelect } from "../../lib/raw-select.ts";
import { type AuditActor, type AuditEntry, auditInsert } from "../audit/audit.repository.ts";
import { visible } from "./access.ts";
import { applicationNotFound } from "./application-errors.ts";

/** What a submission freezes of each attachment. */
export interface AttachmentSnapshot {
  code: string;
  fileName: string;
  sha256: string;
  size: number;
  mime: string;
}

const applicationFields = rawSelect(getTableColumns(applications), "a");
const callFields = rawSelect({ opensAt: calls.opensAt, closesAt: calls.closesAt }, "c");
const unitFields = rawSelect(
  { kind: units.kind, districtCode: units.districtCode, nameZh: units.nameZh },
  "u",
);

interface Extras {
  rowVersion: string;
  guideContent: GuideContent;
  piDigest: string | null;
  attachments: AttachmentSnapshot[];
  integrity: IntegrityRecordFacts[];
}

/**
 * Everything the submission gates look at, read in one statement: submissions come in a rush before
 * the deadline, where each round trip and each built query counts (see the README's performance
 * notes). Integrity records are those of the unit, of the PI's account and of the team's PI. `rowVersion` (the row's xmin) changes with every update of
 * the application, attachments included, and guards the write.
 */
export async function readSubmissionFacts(db: Db, actor: Actor, id: string) {
  const rows = rowsOf<Record<string, unknown> & Extras>(
    await db.execute(sql`
      select ${applicationFields.list}, ${callFields.list}, ${unitFields.list},
        a.xmin::text as "rowVersion", g.content as "guideContent", p.id_number_digest as "piDigest",
        coalesce((select json_agg(json_build_object('code', f.code, 'fileName', f.file_name,
            'sha256', f.sha256, 'size', f.size, 'mime', f.mime) order by f.uploaded_at)
          from attachments f where f.city_id = a.city_id and f.application_id = a.id), '[]') as "attachments",
        coalesce((select json_agg(json_build_object('subject', r.subject, 'kind', r.kind,
            'from', r.from_date, 'until', r.until_date, 'clause', r.clause))
          from integrity_records r where r.city_id = a.city_id
            and (r.unit_id = a.unit_id or r.person_digest = p.id_number_digest
              or r.person_digest in (select m->>'idNumberDigest' from jsonb_array_elements(a.content->'team') m
                where m->>'role' = 'pi'))), '[]') as "integrity"
      from applications a
        join calls c on c.city_id = a.city_id and c.id = a.call_id
        join guides g on g.city_id = a.city_id and g.id = a.guide_id
        join units u on u.city_id = a.city_id and u.id = a.unit_id
        left join users p on p.id = a.pi_user_id
      where ${actor.cityId ? sql`a.city_id = ${actor.cityId} and ` : sql``}a.id = ${id}`),
  );
  const row = rows[0];
  const application = row && applicationFields.map(row);
  if (!row || !application || !visible(actor, application)) throw applicationNotFound();
  return {
    application,
    rowVersion: row.rowVersion,
    call: callFields.map(row),
    unit: unitFields.map(row),
    guide: row.guideContent,
    piDigest: row.piDigest,
    attachments: row.attachments,
    integrity: row.integrity,
  };
}

/**
 * The submission's writes as one statement, so one atomic change without a lock held across round
 * trips: the new state, the frozen revision, the history event and the audit record, all only if
 * the application is still the version the gates judged. Returns false when it was not (the caller
 * judges again).
 */
export async function writeSubmission(
  db: Db,
  w: {
    cityId: string;
    applicationId: string;
    rowVersion: string;
    revision: number;
    snapshot: unknown;
    contentHash: string;
    event: string;
    fromState: string;
    toState: string;
    actorRole: string | null;
    at: Date;
    audit: { actor: AuditActor; entry: AuditEntry };
  },
): Promise<boolean> {
  const at = w.at.toISOString();
  const actorId = w.audit.actor.actorId;
  const [row] = rowsOf<{ applied: number }>(
    await db.execute(sql`
      with applied as (
        update applications
        set status = ${w.toState}, submitted_at = ${at}::timestamptz, updated_at = ${at}::timestamptz,
          return_deadline = null
        where city_id = ${w.cityId} and id = ${w.applicationId} and xmin = ${w.rowVersion}::xid
        returning id
      ), revision as (
        insert into application_revisions
          (city_id, application_id, revision, content, content_hash, submitted_by, submitted_at)
        select ${w.cityId}, id, ${w.revision}, ${JSON.stringify(w.snapshot)}::jsonb, ${w.contentHash},
          ${actorId}, ${at}::timestamptz
        from applied
      ), event as (
        insert into application_events
          (city_id, application_id, event, from_state, to_state, revision, actor_id, actor_role, at)
        select ${w.cityId}, id, ${w.event}, ${w.fromState}, ${w.toState}, ${w.revision}, ${actorId},
          ${w.actorRole}, ${at}::timestamptz
        from applied
      ), audit as (
        ${auditInsert(w.audit.actor, [w.audit.entry], w.at, sql`exists (select 1 from applied)`)}
      )
      select count(*)::int as applied from applied`),
  );
  return row?.applied === 1;
}
