import { sm3 } from "../../lib/sm-crypto.ts";

export const genesisHash = "0".repeat(64);

export interface AuditContent {
  seq: number;
  chainPos: number;
  at: string;
  cityId: string | null;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** JSON with object keys sorted at every depth: PostgreSQL's jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, content: AuditContent): string {
  return sm3(`${prevHash}\n${canonicalJson(content)}`);
}

/** The server's key for signing what it writes (FieldCipher.sign); the database never holds it. */
export interface AuditSigner {
  sign(data: string): string;
}

/** What the writer knows and signs: everything but the numbers the database and the sealer give. */
export type SignedContent = Omit<AuditContent, "seq" | "chainPos">;

export function signatureOf(signer: AuditSigner, c: SignedContent): string {
  const { at, cityId, actorId, actorUsername, actorRole, action, entityType, entityId, before, after, ip } =
    c;
  return signer.sign(
    canonicalJson({
      at,
      cityId,
      actorId,
      actorUsername,
      actorRole,
      action,
      entityType,
      entityId,
      before,
      after,
      ip,
    }),
  );
}

export interface ChainRow extends AuditContent {
  prevHash: string;
  hash: string;
  signature: string | null;
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBroken: { seq: number; reason: string } };

/**
 * Walks rows in chain order (chain_pos 1, 2, …); names the first row whose position, link or content
 * does not match. `seq` in the verdict is the record's own number, as the audit list shows it.
 */
export function verifyChain(
  rows: Iterable<ChainRow>,
  signer: AuditSigner,
  start = { prevHash: genesisHash, pos: 0, checked: 0 },
): ChainVerdict & { last: { prevHash: string; pos: number } } {
  let prev = start.prevHash;
  let expected = start.pos + 1;
  let checked = start.checked;
  for (const row of rows) {
    const fail = (reason: string) => ({
      ok: false as const,
      checked,
      firstBroken: { seq: row.seq, reason },
      last: { prevHash: prev, pos: expected - 1 },
    });
    if (row.chainPos !== expected)
      return fail(`expected chain position ${expected}, found ${row.chainPos}: a record is missing`);
    if (row.prevHash !== prev) return fail("prev_hash does not match the previous record's hash");
    const { prevHash: _p, hash: _h, signature, ...content } = row;
    if (chainHash(prev, content) !== row.hash)
      return fail("content does not match its hash: the record was changed");
    if (signature !== signatureOf(signer, content))
      return fail("no valid writer's signature: the record was not written by the application");
    prev = row.hash;
    expected++;
    checked++;
  }
  return { ok: true, checked, last: { prevHash: prev, pos: expected - 1 } };
}
