import crypto from "node:crypto";
import {
  checkExpertImport,
  DomainError,
  type ExpertImportProblem,
  type ExpertImportRawRow,
  type ExpertImportRow,
  expertImportLimits,
  maskResidentId,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { DocumentRenderer } from "../../lib/documents/render-pool.ts";
import { hashPassword } from "../../lib/passwords.ts";
import type { FieldCipher } from "../../lib/sm-crypto.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { ExpertsRepository } from "./experts.repository.ts";

/**
 * Import of experts from the template, in two steps that read the same file: the dry run answers
 * every bad row and writes nothing; the commit (the same file uploaded again) checks it all again
 * and writes every account and profile in one transaction, or nothing. Re-uploading instead of
 * keeping a token means no state between the steps, in any server process; the accounts' unique
 * username and ID digest decide a race between two commits of one file (one 201, one 409).
 */

type Deps = {
  repos: { experts: Pick<ExpertsRepository, "unitsByUscc" | "taken"> };
  documents: Pick<DocumentRenderer, "render">;
  cipher: FieldCipher;
};

function cityOf(ctx: CallerContext): string {
  if (ctx.scope.kind !== "city") throw new DomainError({ code: "FORBIDDEN" });
  return ctx.scope.cityId;
}

function checkSize(bytes: Buffer) {
  if (bytes.length === 0) throw new DomainError({ code: "ATTACHMENT_EMPTY" });
  const max = expertImportLimits.maxBytes;
  if (bytes.length > max) {
    throw new DomainError({
      code: "ATTACHMENT_TOO_LARGE",
      messageZh: `文件为 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过导入上限 ${max / 1024 / 1024} MB；请分成几个文件导入。`,
      messageEn: `The file has ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the import limit of ${max / 1024 / 1024} MB; split it.`,
      details: { bytes: bytes.length, maxBytes: max },
    });
  }
}

/** Reads the sheet on a document worker and checks every row against the city's units and accounts. */
async function check(
  deps: Deps,
  ctx: CallerContext,
  bytes: Buffer,
): Promise<{ raw: ExpertImportRawRow[]; result: ReturnType<typeof checkExpertImport> }> {
  checkSize(bytes);
  const cityId = cityOf(ctx);
  const json = await deps.documents.render("expertSheet", { base64: bytes.toString("base64") });
  const raw = JSON.parse(json.toString("utf8")) as ExpertImportRawRow[];
  const digestOf = (id: string) => deps.cipher.digest(id);
  const usernames = raw.flatMap((r) => (r.cells.username ? [r.cells.username.trim().toLowerCase()] : []));
  const digests = raw.flatMap((r) => {
    const id = r.cells.idNumber?.trim().toUpperCase();
    return id && id.length === 18 ? [digestOf(id)] : [];
  });
  const [unitsOfCity, taken] = await Promise.all([
    deps.repos.experts.unitsByUscc(cityId),
    deps.repos.experts.taken(usernames, digests),
  ]);
  const result = checkExpertImport(raw, {
    unitIdByUscc: new Map([...unitsOfCity].map(([uscc, u]) => [uscc, u.id])),
    digestOf,
    takenUsernames: taken.usernames,
    takenDigests: taken.digests,
    now: ctx.now,
  });
  return { raw, result };
}

export async function dryRunExpertImport(deps: Deps, input: { ctx: CallerContext; bytes: Buffer }) {
  const { raw, result } = await check(deps, input.ctx, input.bytes);
  return { rows: raw.length, ok: result.ok, problems: result.ok ? [] : result.problems };
}

/** A password the administrator hands over, good for the first login only (`mustChangePassword`). */
export function initialPassword(): string {
  const letters = "abcdefghjkmnpqrstuvwxyz";
  const pick = (set: string, n: number) =>
    Array.from(crypto.randomBytes(n), (b) => set.charAt(b % set.length)).join("");
  return `${pick(letters.toUpperCase(), 2)}${pick(letters, 6)}#${pick("23456789", 3)}`;
}

export async function commitExpertImport(
  deps: Deps & { tx: Transactor<{ experts: Pick<ExpertsRepository, "insertMany"> }> },
  input: { ctx: CallerContext; bytes: Buffer },
) {
  const { ctx } = input;
  const { result } = await check(deps, ctx, input.bytes);
  if (!result.ok) throw refusal(result.problems);
  const rows: ExpertImportRow[] = result.rows;
  const passwords = rows.map(() => initialPassword());
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  const cityId = cityOf(ctx);
  const made = await deps.tx.run(ctx, async ({ experts }, audit) => {
    const made = await experts.insertMany(
      cityId,
      rows.map((r, i) => ({
        ...r,
        passwordHash: hashes[i] ?? "",
        idNumberCipher: deps.cipher.encrypt(r.idNumber),
        idNumberDigest: deps.cipher.digest(r.idNumber),
        idNumberMasked: maskResidentId(r.idNumber),
      })),
      ctx.now,
    );
    for (const [i, m] of made.entries()) {
      const r = rows[i];
      audit({
        action: "expert.create",
        entityType: "expert",
        entityId: m.id,
        cityId,
        after: { username: r?.username, unitId: r?.unitId, disciplines: r?.disciplines, userId: m.userId },
      });
    }
    audit({ action: "expert.import", entityType: "expert", cityId, after: { count: made.length } });
    return made;
  });
  return {
    created: made.map((m, i) => ({
      id: m.id,
      username: rows[i]?.username ?? "",
      displayName: rows[i]?.displayName ?? "",
      initialPassword: passwords[i] ?? "",
    })),
  };
}

/**
 * A file with bad rows at commit: a 409 when every problem is "already in the pool" (the same file
 * committed a moment before), else the import's own refusal; both list every row.
 */
function refusal(problems: ExpertImportProblem[]): DomainError {
  const details = { problems: problems.map((p) => ({ ...p })) };
  return problems.every((p) => p.kind === "alreadyInPool")
    ? new DomainError({
        code: "CONFLICT",
        messageZh: "文件中的专家已在库中（可能已导入过），未重复导入。",
        messageEn:
          "The file's experts are in the pool already (imported before?); nothing was imported again.",
        details,
      })
    : new DomainError({ code: "EXPERT_IMPORT_INVALID", details });
}
