import { applicationInputSchema } from "@luoshu/domain";
import type { ApplicationContentView } from "../../../api/applications";
import { type ApplicationFormValues, toInput } from "./applicationForm";

/** A text past its limit: its content path (`basic.abstract`, `team.2.name`) and the limit. */
export interface TooLong {
  path: string;
  max: number;
}

type Key = string | number;

/** `obj` with the value at `path` replaced, copying only the objects and arrays along the path. */
function setIn<T>(obj: T, path: readonly Key[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  const container = (obj ?? (typeof head === "number" ? [] : {})) as Record<Key, unknown>;
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<Key, unknown>;
  copy[head] = setIn(container[head], rest, value);
  return copy as T;
}

function getIn(obj: unknown, path: readonly Key[]): unknown {
  let at = obj;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<Key, unknown>)[key];
  }
  return at;
}

/**
 * The form's values as the draft can be saved: each text past the limit the server keeps
 * (`applicationInputSchema`, counted as the server counts) is put back to what is stored for it, so
 * a save keeps all the other typing instead of failing whole with a 400. The long text itself stays
 * in the form, marked by its field's rule, and `tooLong` names it so the page can say it is not
 * saved; a typed ID number too long is left out, and the row's stored number kept.
 */
export function withinLimits(
  values: ApplicationFormValues,
  stored: ApplicationContentView | undefined,
): { values: ApplicationFormValues; tooLong: TooLong[] } {
  const input = toInput(values);
  const parsed = applicationInputSchema.safeParse(input);
  if (parsed.success) return { values, tooLong: [] };
  let kept = values;
  const tooLong: TooLong[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code !== "too_big" || issue.origin !== "string") continue;
    const path = issue.path.filter((k): k is Key => typeof k !== "symbol");
    let formPath: Key[] = path;
    let storedText: unknown = getIn(stored, path);
    if (path[0] === "budget" && path[1] === "lines") {
      // the form keys budget lines by category, the input lists them
      const category = input.budget?.lines?.[Number(path[2])]?.category ?? "";
      formPath = ["budget", "lines", category, ...path.slice(3)];
      storedText = getIn(
        stored?.budget.lines.find((l) => l.category === category),
        path.slice(3),
      );
    }
    if (path[0] === "team" && path[2] === "idNumber") storedText = ""; // the row's mask keeps the stored one
    kept = setIn(kept, formPath, typeof storedText === "string" ? storedText : "");
    tooLong.push({ path: path.join("."), max: Number(issue.maximum) });
  }
  return { values: kept, tooLong };
}
