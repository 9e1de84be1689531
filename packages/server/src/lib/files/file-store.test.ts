import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLocalFileStore, FileIntegrityError, sha256Of } from "./file-store.ts";

const roots: string[] = [];
function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-files-"));
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe("local file store", () => {
  it("stores by content hash under ab/cd/<sha256> and reads it back", async () => {
    const root = tempRoot();
    const store = createLocalFileStore({ root });
    const bytes = Buffer.from("申报书附件 attachment");
    const stored = await store.put(bytes);
    expect(stored).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
    const h = stored.sha256;
    expect(fs.existsSync(path.join(root, h.slice(0, 2), h.slice(2, 4), h))).toBe(true);
    expect(await store.has(h)).toBe(true);
    expect((await store.get(h))?.equals(bytes)).toBe(true);
  });

  it("is idempotent for equal content and leaves no temporary files", async () => {
    const root = tempRoot();
    const store = createLocalFileStore({ root });
    const bytes = Buffer.alloc(4096, 7);
    const results = await Promise.all([store.put(bytes), store.put(bytes), store.put(Buffer.from(bytes))]);
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    const h = results[0]?.sha256 ?? "";
    expect(fs.readdirSync(path.join(root, h.slice(0, 2), h.slice(2, 4)))).toEqual([h]);
  });

  it("stores the empty file", async () => {
    const store = createLocalFileStore({ root: tempRoot() });
    const { sha256, size } = await store.put(Buffer.alloc(0));
    expect(size).toBe(0);
    expect((await store.get(sha256))?.length).toBe(0);
  });

  it("answers null / false for unknown and malformed hashes without touching paths outside root", async () => {
    const store = createLocalFileStore({ root: tempRoot() });
    expect(await store.get("0".repeat(64))).toBeNull();
    expect(await store.has("0".repeat(64))).toBe(false);
    for (const bad of ["../../etc/passwd", "ABCDEF".padEnd(64, "0"), "abc", `${"a".repeat(64)}/..`]) {
      expect(await store.get(bad)).toBeNull();
      expect(await store.has(bad)).toBe(false);
    }
  });

  it("refuses to return a file whose content no longer matches its hash", async () => {
    const root = tempRoot();
    const store = createLocalFileStore({ root });
    const { sha256 } = await store.put(Buffer.from("original"));
    fs.writeFileSync(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), "tampered");
    await expect(store.get(sha256)).rejects.toBeInstanceOf(FileIntegrityError);
  });
});
