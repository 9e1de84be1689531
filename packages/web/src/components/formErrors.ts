import type { FormInstance } from "antd";
import { ApiError } from "../api/client";

/** Server paths may come as `body.uscc`, `/uscc` or `uscc`; the form knows only the last form. */
function fieldOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const parts = path.split(/[./]/).filter((p) => p && p !== "body");
  return parts[0];
}

/**
 * Puts the server's field errors on the matching form fields. Returns true when every error found
 * a field, so the caller shows a general alert only for what is left.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  lang: "zh" | "en",
  fields: readonly string[],
): boolean {
  if (!(err instanceof ApiError)) return false;
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  const add = (path: string | undefined, zh: string, en: string) => {
    const field = fieldOf(path);
    if (!field || !known.has(field)) return false;
    byField.set(field, [...(byField.get(field) ?? []), lang === "zh" ? zh : en]);
    return true;
  };
  let allPlaced = err.issues.length > 0 || Boolean(err.path);
  for (const i of err.issues) allPlaced = add(i.path, i.messageZh, i.messageEn) && allPlaced;
  if (err.issues.length === 0 && err.path)
    allPlaced = add(err.path, err.messageZh, err.messageEn) && allPlaced;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return allPlaced;
}
