import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type AuditSigner, canonicalJson } from "./audit-chain.ts";

/**
 * The chain's head, written outside the database: someone who deletes the newest records and
 * rewinds the head row in the same database still leaves this file naming a position and hash
 * the table no longer has. Signed, so the file cannot be rewritten to match either.
 */
export interface AuditAnchor {
  pos: number;
  hash: string;
  at: string;
  signature: string;
}

export interface AnchorStore {
  read(): AuditAnchor | null;
  /** Keeps the furthest head: a slower process never moves the anchor back. */
  advance(head: { pos: number; hash: string }, at: Date, signer: AuditSigner): void;
}

export const anchorSignature = (signer: AuditSigner, a: Omit<AuditAnchor, "signature">) =>
  signer.sign(canonicalJson({ anchor: a }));

export function fileAnchorStore(file: string): AnchorStore {
  const store: AnchorStore = {
    read() {
      try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as AuditAnchor;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw e;
      }
    },
    advance(head, at, signer) {
      if ((store.read()?.pos ?? 0) >= head.pos) return;
      const a = { pos: head.pos, hash: head.hash, at: at.toISOString() };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written whole or not at all: a reader never sees half an anchor.
      const temp = `${file}.${crypto.randomBytes(6).toString("hex")}.tmp`;
      fs.writeFileSync(temp, JSON.stringify({ ...a, signature: anchorSignature(signer, a) }), {
        mode: 0o640,
      });
      fs.renameSync(temp, file);
    },
  };
  return store;
}
