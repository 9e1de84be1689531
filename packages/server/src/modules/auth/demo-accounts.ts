import type { DemoAccountsDto } from "@luoshu/contract";
import { demoAccountGroups, demoPassword } from "../../db/seed/demo-data.ts";

/** The demo seed names its cities and accounts; in production there are none to offer. */
export function demoAccounts(deps: { production: boolean }): DemoAccountsDto {
  return deps.production
    ? { password: null, groups: [] }
    : { password: demoPassword, groups: demoAccountGroups() };
}
