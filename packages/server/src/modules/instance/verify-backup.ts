import { FileIntegrityError, type FileStore } from "../../lib/files/file-store.ts";
import type { InstanceRepository } from "./instance.repository.ts";

export interface BackupReport {
  referenced: number;
  missing: { sha256: string; place: string }[];
  corrupt: { sha256: string; place: string }[];
}

/**
 * Every file a row refers to must be in the store with the bytes its hash names: a database restored
 * without (or with an older copy of) the attachment store otherwise fails only when someone opens
 * the file.
 */
export async function verifyBackup(deps: {
  instance: Pick<InstanceRepository, "referencedFiles">;
  files: FileStore;
}): Promise<BackupReport> {
  const refs = await deps.instance.referencedFiles();
  const report: BackupReport = { referenced: refs.length, missing: [], corrupt: [] };
  for (const ref of refs) {
    try {
      if ((await deps.files.get(ref.sha256)) === null) report.missing.push(ref);
    } catch (e) {
      if (!(e instanceof FileIntegrityError)) throw e;
      report.corrupt.push(ref);
    }
  }
  return report;
}
