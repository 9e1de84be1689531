import {
  type ApplicationState,
  applicationVisible,
  attachmentSnapshotSchema,
  type GuideContent,
  guideContentSchema,
  guideStates,
  integrityRecordFactsSchema,
  type QueueNotice,
  type RevisionSnapshot,
  type Scope,
  unitKinds,
} from "@luoshu/domain";
import { getTableColumns, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { applications, calls, units } from "../../db/schema/index.ts";
import { afterCommit } from "../../lib/after-commit.ts";
import { namedStatement, rawSelect } from "../../lib/hot-sql.ts";
import { type AuditActor, type AuditEntry, auditInsert, auditRows } from "../audit/audit.repository.ts";
import type { AuditSigner } from "../audit/audit-chain.ts";
import { queueNoticeInsert } from "../workspace/notifications.repository.ts";
import { toApplication } from "./applications.repository.ts";

const applicationFields = rawSelect(getTableColumns(applications), "a");
const callFields = rawSelect({ opensAt: calls.opensAt, closesAt: calls.closesAt }, "c");
const unitFields = rawSelect(
  { kind: units.kind, districtCode: units.districtCode, nameZh: units.nameZh },
  "u",
);

interface Extras {
  guideStatus: string;
  rowVersion: string;
  guideContent: unknown;
  guideVersion: string;
  piDigest: string | null;
  attachments: unknown;
  integrity: unknown;
}

const p = sql.placeholder;

const selectFacts = namedStatement<Record<string, unknown> & Extras>(
  "luoshu_submission_facts",
  sql`select ${applicationFields.list}, ${callFields.list}, ${unitFields.list},
      a.xmin::text as "rowVersion", g.content as "guideContent", g.updated_at::text as "guideVersion", g.status as "guideStatus", p.id_number_digest as "piDigest",
      coalesce((select json_agg(json_build_object('code', f.code, 'fileName', f.file_name,
          'sha256', f.sha256, 'size', f.size, 'mime', f.mime) order by f.uploaded_at)
        from attachments f where f.city_id = a.city_id and f.application_id = a.id), '[]') as "attachments",
      coalesce((select json_agg(json_build_object('subject', r.subject, 'kind', r.kind,
          'from', r.from_date, 'until', r.until_date, 'clause', r.clause))
        from integrity_records r where r.city_id = a.city_id and r.lifted_at is null
          and (r.unit_id = a.unit_id or r.person_digest = p.id_number_digest
            or r.person_digest in (select m->>'idNumberDigest' from jsonb_array_elements(a.content->'team') m
              where m->>'role' = 'pi'))), '[]') as "integrity"
    from applications a
      join calls c on c.city_id = a.city_id and c.id = a.call_id
      join guides g on g.city_id = a.city_id and g.id = a.guide_id
      join units u on u.city_id = a.city_id and u.id = a.unit_id
      left join users p on p.id = a.pi_user_id
    where a.city_id = ${p("cityId")} and a.id = ${p("id")}`,
);

const guideState = z.enum(guideStates);

/**
 * A published guide's content does not change while applications are submitted to it, and every
 * submission of a rush reads the same few guides: parse each version once. The key is the guide and
 * its last change, so a changed guide is parsed afresh; the map is a memo of a pure function, never
 * the only copy of anything.
 */
const guides = new Map<string, GuideContent>();
function parsedGuide(version: string, raw: unknown): GuideContent {
  let content = guides.get(version);
  if (!content) {
    if (guides.size >= 256) guides.clear();
    content = guideContentSchema.parse(raw);
    guides.set(version, content);
  }
  return content;
}
const attachmentsSchema = z.array(attachmentSnapshotSchema);
const integritySchema = z.array(integrityRecordFactsSchema);
const unitKind = z.enum(unitKinds);

/**
 * Everything the submission gates look at, read in one statement: submissions come in a rush before
 * the deadline, where each round trip and each plan counts (hot-sql.ts). Integrity records are those
 * of the unit, of the PI's account and of the team's PI. `rowVersion` (the row's xmin) changes with
 * every update of the application, attachments included, and guards the write. Undefined when the
 * application is not visible in the scope.
 */
async function readFacts(db: Db, scope: Scope, id: string) {
  // Only unit users submit, and they always belong to a city.
  const [row] = scope.kind === "unit" ? await selectFacts(db, { cityId: scope.cityId, id }) : [];
  if (!row) return undefined;
  const application = toApplication(applicationFields.map(row));
  if (!applicationVisible(scope, application)) return undefined;
  const unit = unitFields.map(row);
  return {
    application,
    rowVersion: row.rowVersion,
    call: callFields.map(row),
    unit: { ...unit, kind: unitKind.parse(unit.kind) },
    guide: parsedGuide(`${application.guideId}@${row.guideVersion}`, row.guideContent),
    guideStatus: guideState.parse(row.guideStatus),
    piDigest: row.piDigest,
    attachments: attachmentsSchema.parse(row.attachments),
    integrity: integritySchema.parse(row.integrity),
  };
}
export type SubmissionFacts = NonNullable<Awaited<ReturnType<typeof readFacts>>>;

const applySubmission = namedStatement<{ applied: number }>(
  "luoshu_submission_write",
  sql`with applied as (
      update applications
      set status = ${p("toState")}, submitted_at = ${p("at")}::timestamptz,
        updated_at = ${p("at")}::timestamptz, return_deadline = null
      where city_id = ${p("cityId")} and id = ${p("applicationId")} and xmin = ${p("rowVersion")}::xid
        -- a guide closed early in between closes its calls (the gates read it as published)
        and exists (select 1 from guides g where g.city_id = applications.city_id
          and g.id = applications.guide_id and g.status = 'published')
      returning id
    ), revision as (
      insert into application_revisions
        (city_id, application_id, revision, content, content_hash, submitted_by, submitted_at)
      select ${p("cityId")}, id, ${p("revision")}, ${p("snapshot")}::jsonb, ${p("contentHash")},
        ${p("actorId")}, ${p("at")}::timestamptz
      from applied
    ), event as (
      insert into application_events
        (city_id, application_id, event, from_state, to_state, revision, actor_id, actor_role, at)
      select ${p("cityId")}, id, ${p("event")}, ${p("fromState")}, ${p("toState")}, ${p("revision")},
        ${p("actorId")}, ${p("actorRole")}, ${p("at")}::timestamptz
      from applied
    ), audit as (
      ${auditInsert(
        {
          actorId: p("actorId"),
          actorUsername: p("actorUsername"),
          actorRole: p("actorRole"),
          ip: p("ip"),
          at: p("at"),
          rows: p("auditRows"),
        },
        sql`exists (select 1 from applied)`,
      )}
    ), notified as (
      ${queueNoticeInsert(
        {
          cityId: p("cityId"),
          at: p("at"),
          role: p("noticeRole"),
          districtCode: p("noticeDistrict"),
          titleZh: p("noticeZh"),
          titleEn: p("noticeEn"),
          link: p("noticeLink"),
        },
        sql`exists (select 1 from applied)`,
      )}
    )
    select count(*)::int as applied from applied`,
);

/**
 * The submission's writes as one statement, so one atomic change without a lock held across round
 * trips: the new state, the frozen revision, the history event, the audit record and the notices to
 * the reviewers whose queue it reaches, all only if
 * the application is still the version the gates judged. Returns false when it was not (the caller
 * judges again).
 */
async function writeSubmission(
  db: Db,
  signer: AuditSigner,
  w: {
    cityId: string;
    applicationId: string;
    rowVersion: string;
    revision: number;
    snapshot: RevisionSnapshot;
    contentHash: string;
    event: string;
    fromState: ApplicationState;
    toState: ApplicationState;
    at: Date;
    actor: AuditActor;
    audit: AuditEntry;
    notice: QueueNotice | null;
  },
): Promise<boolean> {
  const { snapshot, at, actor, audit, notice, ...rest } = w;
  const [row] = await applySubmission(db, {
    ...rest,
    ...actor,
    noticeRole: notice?.role ?? null,
    noticeDistrict: notice?.districtCode ?? null,
    noticeZh: notice?.titleZh ?? "",
    noticeEn: notice?.titleEn ?? "",
    noticeLink: notice?.link ?? "",
    snapshot: JSON.stringify(snapshot),
    at: at.toISOString(),
    auditRows: auditRows([audit], actor, at, signer),
  });
  const applied = row?.applied === 1;
  // One statement committed by itself: chain its audit record now.
  if (applied) afterCommit(db);
  return applied;
}

/** The submission's read and its single guarded write (see above): the hot path of a deadline rush. */
export function submissionsRepository(db: Db, signer: AuditSigner) {
  return {
    readFacts: (scope: Scope, id: string) => readFacts(db, scope, id),
    write: (w: Parameters<typeof writeSubmission>[2]) => writeSubmission(db, signer, w),
  };
}
export type SubmissionsRepository = ReturnType<typeof submissionsRepository>;
