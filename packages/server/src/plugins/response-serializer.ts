import { $ZodType, safeEncode } from "zod/v4/core";
import { canonicalJson } from "../modules/audit/audit-chain.ts";

/**
 * Responses leave as the JSON of what the route built, checked against their contract schema where
 * `check` is on (tests, development): a response that does not fit, or that carries a field the
 * schema would strip, fails loudly there. So production, which skips the check (in a CPU profile of
 * the deadline rush, checking the answer cost about as much as reading and judging the submission),
 * never relies on stripping to keep a field such as a cipher out of an answer; the DTO mappers build
 * exactly what the contract lists.
 */
export function responseSerializer(check: boolean) {
  return ({ schema, method, url }: { schema: unknown; method: string; url: string }) => {
    if (!(schema instanceof $ZodType))
      throw new Error(`${method} ${url}: a response schema must be a zod schema`);
    return (data: unknown): string => {
      const json = JSON.stringify(data);
      if (check) {
        const encoded = safeEncode(schema, data);
        if (encoded.error)
          throw new Error(`${method} ${url} answered outside its schema: ${encoded.error.message}`);
        if (canonicalJson(JSON.parse(json)) !== canonicalJson(JSON.parse(JSON.stringify(encoded.data)))) {
          throw new Error(`${method} ${url} answered fields its schema does not list (or left out defaults)`);
        }
      }
      return json;
    };
  };
}
