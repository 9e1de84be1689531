import type { Actor, Role, Scope } from "@luoshu/domain";
import type { CallerContext } from "../lib/context.ts";
import type { Transactor } from "../lib/transaction.ts";
import type { AuditEntry } from "../modules/audit/audit.repository.ts";

/**
 * Unit tests of use cases run against small fakes of the repositories they name; the database tests
 * beside them run the same use cases on PGlite and PostgreSQL.
 */
export function fakeTransactor<R>(repos: R): Transactor<R> & { audits: AuditEntry[] } {
  const audits: AuditEntry[] = [];
  return {
    audits,
    async run(_ctx, work) {
      const pending: AuditEntry[] = [];
      const out = await work(repos, (e) => pending.push(e));
      // Written only when the work succeeded, as the real transaction does.
      audits.push(...pending);
      return out;
    },
  };
}

export function callerContext(
  roles: Role[],
  scope: Scope,
  overrides: Partial<Actor> = {},
  now = new Date("2026-03-02T02:00:00Z"),
): CallerContext {
  const actor: Actor = {
    userId: "00000000-0000-4000-8000-00000000000a",
    username: "tester",
    cityId: "luoyang",
    districtCode: null,
    unitId: null,
    roles,
    ...overrides,
  };
  return { actor, role: roles[0] ?? null, ip: null, now, scope };
}
