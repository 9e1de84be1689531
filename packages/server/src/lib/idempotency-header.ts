import { z } from "zod";

/** A money operation names itself with a key the caller chose, so that a retry never pays twice. */
export const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[A-Za-z0-9_:-]{8,100}$/, "8–100 letters, digits or -_: (a UUID will do)"),
});
