import type { Json } from "../shared/json.ts";

/** What changed between two revisions of an application, leaf by leaf, for the history view. */
export interface FieldChange {
  path: string;
  before: Json;
  after: Json;
}

export function diffContent(before: Json | undefined, after: Json | undefined, path = ""): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffContent(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) =>
      diffContent(before[i], after[i], path ? `${path}.${i}` : String(i)),
    ).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ path, before: before ?? null, after: after ?? null }];
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
