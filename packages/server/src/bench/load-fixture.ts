import crypto from "node:crypto";
import {
  type ApplicationContent,
  applicationContentSchema,
  makeResidentId,
  makeUscc,
  maskResidentId,
} from "@luoshu/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import {
  applications,
  attachments,
  calls,
  guides,
  sessions,
  units,
  userRoles,
  users,
} from "../db/schema/index.ts";
import type { FieldCipher } from "../lib/sm-crypto.ts";
import { randomToken, sm3 } from "../lib/sm-crypto.ts";

export interface BenchDraft {
  id: string;
  cookie: string;
  csrf: string;
}

const districts = ["410302", "410303", "410305", "410307", "410311"];

function content(cipher: FieldCipher, i: number): ApplicationContent {
  const birthDate = `19${80 + (i % 15)}-0${1 + (i % 9)}-15`;
  const id = makeResidentId(`410305${birthDate.replaceAll("-", "")}${String(i % 1000).padStart(3, "0")}`);
  return applicationContentSchema.parse({
    basic: {
      title: `压测申报书 ${i}`,
      abstract: "压测用摘要。",
      // one of the soft-science fields the demo guide's program lists (LY-REFORM §二(一)3)
      field: "policyRegulation",
      startDate: "2026-04-01",
      endDate: "2027-03-31",
    },
    content: { researchContent: "研究内容。" },
    targets: [{ kind: "other", description: "研究报告", value: 1, unit: "份" }],
    milestones: [{ dueDate: "2026-10-01", description: "中期", deliverable: "中期报告" }],
    team: [
      {
        name: `负责人${i}`,
        role: "pi",
        idNumberCipher: cipher.encrypt(id),
        idNumberDigest: cipher.digest(id),
        idNumberMasked: maskResidentId(id),
        idNumberValid: true,
        birthDate,
      },
    ],
    budget: { lines: [{ category: "publicationIp", amountFen: 2_000_000 }] },
  });
}

/**
 * Writes straight to the database what the benchmark needs before the rush: units, their
 * administrators with live sessions, and complete drafts in the demo soft-science call of Luoyang.
 */
export async function createDrafts(
  db: Db,
  cipher: FieldCipher,
  count: number,
  now: Date,
): Promise<BenchDraft[]> {
  const [guide] = await db
    .select()
    .from(guides)
    .where(and(eq(guides.cityId, "luoyang"), eq(guides.status, "published")));
  if (!guide) throw new Error("no published demo guide: run the demo seed first");
  const [call] = await db.select().from(calls).where(eq(calls.guideId, guide.id));
  if (!call) throw new Error("the demo guide has no call");
  const [template] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, "ly-unit"));
  const out: BenchDraft[] = [];
  for (let start = 0; start < count; start += 250) {
    const batch = Array.from({ length: Math.min(250, count - start) }, (_, k) => start + k);
    await db.transaction(async (tx) => {
      const unitRows = await tx
        .insert(units)
        .values(
          batch.map((i) => ({
            cityId: "luoyang",
            uscc: makeUscc(`91410305MA${String(i).padStart(7, "0")}`),
            nameZh: `压测企业${i}有限公司`,
            kind: "enterprise" as const,
            districtCode: districts[i % districts.length] as string,
            legalRepresentative: "压测",
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning();
      const userRows = await tx
        .insert(users)
        .values(
          unitRows.map((u, k) => ({
            username: `bench-unit-${batch[k]}`,
            displayName: "压测",
            passwordHash: template?.passwordHash ?? "x",
            cityId: "luoyang",
            districtCode: u.districtCode,
            unitId: u.id,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning();
      await tx.insert(userRoles).values(userRows.map((u) => ({ userId: u.id, role: "unitAdmin" })));
      const tokens = userRows.map(() => ({ token: randomToken(), csrf: randomToken(24) }));
      await tx.insert(sessions).values(
        userRows.map((u, k) => ({
          id: sm3(tokens[k]?.token ?? ""),
          userId: u.id,
          csrfToken: tokens[k]?.csrf ?? "",
          createdAt: now,
          lastSeenAt: now,
        })),
      );
      const appRows = await tx
        .insert(applications)
        .values(
          unitRows.map((u, k) => {
            const c = content(cipher, batch[k] ?? 0);
            const at = now.toISOString();
            return {
              cityId: "luoyang",
              callId: call.id,
              guideId: guide.id,
              unitId: u.id,
              districtCode: u.districtCode,
              piUserId: null,
              createdBy: userRows[k]?.id ?? "",
              status: "draft" as const,
              title: c.basic.title,
              requestedFen: 2_000_000,
              content: c,
              revision: 1,
              commitment: { piConfirmedAt: at, unitConfirmedAt: at },
              policyVersion: guide.policyVersion,
              numberProgram: guide.program,
              numberYear: 2026,
              numberSeq: (batch[k] ?? 0) + 1,
              createdAt: now,
              updatedAt: now,
            };
          }),
        )
        .returning({ id: applications.id, unitId: applications.unitId });
      const scan = crypto.createHash("sha256").update("bench-scan").digest("hex");
      await tx.insert(attachments).values(
        appRows.map((a, k) => ({
          cityId: "luoyang",
          applicationId: a.id,
          code: "commitmentScan",
          fileName: "scan.pdf",
          mime: "application/pdf",
          size: 10,
          sha256: scan,
          uploadedBy: userRows[k]?.id ?? "",
          uploadedAt: now,
        })),
      );
      appRows.forEach((a, k) => {
        out.push({ id: a.id, cookie: `luoshu_session=${tokens[k]?.token}`, csrf: tokens[k]?.csrf ?? "" });
      });
    });
  }
  return out;
}
