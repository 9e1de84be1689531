import { type Actor, type Role, scopeFor, scopeOf } from "@luoshu/domain";
import { and, count, eq, gte, inArray, notExists, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { applications, auditLog, guides, needs, units, userRoles, users } from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

export interface Task {
  key: string;
  titleZh: string;
  titleEn: string;
  count: number | null;
  link: string;
}

type Provider = (db: Db, actor: Actor, now: Date) => Promise<Task>;

const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;

const unitsInScope: Provider = async (db, actor) => ({
  key: "units",
  titleZh: scopeOf(actor.roles) === "unit" ? "本单位信息" : "辖区内登记单位",
  titleEn: scopeOf(actor.roles) === "unit" ? "My unit" : "Registered units in scope",
  count: await n(
    db
      .select({ n: count() })
      .from(units)
      .where(
        scopeWhere(scopeFor(actor, "platform"), {
          cityId: units.cityId,
          districtCode: units.districtCode,
          unitId: units.id,
        }),
      ),
  ),
  link: "/units",
});

const unitPeople: Provider = async (db, actor) => ({
  key: "unitPeople",
  titleZh: "本单位人员账号",
  titleEn: "Accounts of my unit",
  count: await n(
    db
      .select({ n: count() })
      .from(users)
      .where(scopeWhere(scopeFor(actor, "platform"), { cityId: users.cityId, unitId: users.unitId })),
  ),
  link: "/users",
});

const accountsWithoutRoles: Provider = async (db) => ({
  key: "accountsWithoutRoles",
  titleZh: "待分配角色的账号",
  titleEn: "Accounts waiting for roles",
  count: await n(
    db
      .select({ n: count() })
      .from(users)
      .where(notExists(db.select().from(userRoles).where(eq(userRoles.userId, users.id)))),
  ),
  link: "/users",
});

const lockedAccounts: Provider = async (db, _actor, now) => ({
  key: "lockedAccounts",
  titleZh: "当前被锁定的账号",
  titleEn: "Accounts locked now",
  count: await n(db.select({ n: count() }).from(users).where(gte(users.lockedUntil, now))),
  link: "/users",
});

const auditToday: Provider = async (db, _actor, now) => {
  const since = new Date(now.getTime() - 24 * 3600 * 1000);
  const where: SQL | undefined = and(gte(auditLog.at, since));
  return {
    key: "auditToday",
    titleZh: "近 24 小时审计记录",
    titleEn: "Audit records in the last 24 hours",
    count: await n(db.select({ n: count() }).from(auditLog).where(where)),
    link: "/audit",
  };
};

const applicationsIn =
  (key: string, titleZh: string, titleEn: string, statuses: string[], link: string): Provider =>
  async (db, actor) => ({
    key,
    titleZh,
    titleEn,
    count: await n(
      db
        .select({ n: count() })
        .from(applications)
        .where(
          and(
            scopeWhere(scopeFor(actor, "platform"), {
              cityId: applications.cityId,
              districtCode: applications.districtCode,
              unitId: applications.unitId,
            }),
            inArray(applications.status, statuses),
          ),
        ),
    ),
    link,
  });

const districtReview = applicationsIn(
  "districtReview",
  "待县区初审的申报书",
  "Applications waiting for district review",
  ["submitted"],
  "/applications?status=submitted",
);
const formalCheck = applicationsIn(
  "formalCheck",
  "待形式审查的申报书",
  "Applications waiting for the formal check",
  ["recommended"],
  "/applications?status=recommended",
);
const myDrafts = applicationsIn(
  "myDrafts",
  "本单位草稿与退回修改的申报书",
  "Drafts and returned applications of my unit",
  ["draft", "districtReturned", "formalReturned"],
  "/applications",
);

const guidesIn =
  (key: string, titleZh: string, titleEn: string, status: string): Provider =>
  async (db, actor) => ({
    key,
    titleZh,
    titleEn,
    count: await n(
      db
        .select({ n: count() })
        .from(guides)
        .where(and(eq(guides.cityId, actor.cityId ?? ""), eq(guides.status, status))),
    ),
    link: "/guides",
  });
const guidesToPublish = guidesIn(
  "guidesToPublish",
  "待审核发布的申报指南",
  "Guides waiting for review and publication",
  "internalReview",
);
const openGuides = guidesIn("openGuides", "已发布的申报指南", "Published guides", "published");

const needsToTriage: Provider = async (db, actor) => ({
  key: "needsToTriage",
  titleZh: "待分拣的技术需求",
  titleEn: "Technology needs to triage",
  count: await n(
    db
      .select({ n: count() })
      .from(needs)
      .where(and(eq(needs.cityId, actor.cityId ?? ""), eq(needs.status, "submitted"))),
  ),
  link: "/needs",
});

const policies: Provider = async () => ({
  key: "policies",
  titleZh: "查阅本市政策规则",
  titleEn: "Read the city's policy rules",
  count: null,
  link: "/policies",
});
const budget: Provider = async () => ({
  key: "budget",
  titleZh: "预算测算",
  titleEn: "Budget calculator",
  count: null,
  link: "/budget",
});

/** What waits for each role; later steps add providers (applications to review, reports due…). */
const providersByRole: Record<Role, Provider[]> = {
  programOfficer: [needsToTriage, guidesToPublish, openGuides, formalCheck, unitsInScope],
  bureauLeader: [guidesToPublish, openGuides, unitsInScope, policies],
  financeOfficer: [openGuides, policies, budget],
  districtOfficer: [districtReview, unitsInScope, policies],
  agencyOfficer: [formalCheck, policies],
  unitAdmin: [myDrafts, openGuides, unitsInScope, unitPeople, budget],
  principalInvestigator: [myDrafts, openGuides, budget, policies],
  expert: [policies],
  fundManager: [policies],
  sysAdmin: [unitsInScope, lockedAccounts],
  secAdmin: [accountsWithoutRoles, lockedAccounts],
  auditor: [auditToday],
};

export async function workspaceOf(db: Db, actor: Actor, now: Date): Promise<Task[]> {
  const providers = [...new Set(actor.roles.flatMap((r) => providersByRole[r]))];
  return Promise.all(providers.map((p) => p(db, actor, now)));
}
