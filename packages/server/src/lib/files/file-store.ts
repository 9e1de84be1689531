import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Attachments and generated documents are stored by the SHA-256 of their content: a row refers to
 * a file by its hash, the same upload twice is stored once, and a changed byte is a different file,
 * so what a reviewer opens is provably what was submitted. The interface is all the rest of the
 * server sees, so an object store can replace the local folder later.
 */
export interface StoredFile {
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  size: number;
}

export interface FileStore {
  put(bytes: Buffer): Promise<StoredFile>;
  /** Null when no file has this hash (or the hash is not a SHA-256 at all). */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/** Thrown when a stored file no longer matches its hash (disk corruption or tampering). */
export class FileIntegrityError extends Error {
  constructor(readonly sha256: string) {
    super(`stored file ${sha256} does not match its SHA-256`);
    this.name = "FileIntegrityError";
  }
}

/**
 * Files under `root/ab/cd/<sha256>`: two levels of 256 folders keep any one folder small even with
 * millions of files. `root` is usually `<dataDir>/files`.
 */
export function createLocalFileStore(options: { root: string }): FileStore {
  const root = path.resolve(options.root);

  // Only a well-formed hash becomes a path, so a hash taken from a request cannot walk out of root.
  const pathOf = (sha256: string): string | null =>
    SHA256_HEX.test(sha256) ? path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256) : null;

  const exists = async (file: string): Promise<boolean> => {
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  };

  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const file = pathOf(sha256) as string;
      if (await exists(file)) return { sha256, size: bytes.length };
      await fs.mkdir(path.dirname(file), { recursive: true });
      // A reader must never see half a file, so the bytes go to a temporary name in the same folder
      // (same file system) and are synced before the rename makes them visible under the hash.
      // Two concurrent puts of the same content both rename identical bytes onto the name: harmless.
      const temp = `${file}.${crypto.randomBytes(6).toString("hex")}.tmp`;
      const handle = await fs.open(temp, "wx", 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.rename(temp, file);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
      return { sha256, size: bytes.length };
    },

    async get(sha256) {
      const file = pathOf(sha256);
      if (!file) return null;
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      if (sha256Of(bytes) !== sha256) throw new FileIntegrityError(sha256);
      return bytes;
    },

    async has(sha256) {
      const file = pathOf(sha256);
      return file !== null && (await exists(file));
    },
  };
}
