import fs from "node:fs";
import path from "node:path";
import { loadPolicyFiles, type Policy } from "@luoshu/domain";

/** Reads every policy file; a bad file throws a PolicyFileError naming the file and the field. */
export function readPolicies(dir: string): Policy[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((fileName) => ({ fileName, text: fs.readFileSync(path.join(dir, fileName), "utf8") }));
  return loadPolicyFiles(files);
}
