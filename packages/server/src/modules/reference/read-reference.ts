import type { NamedPlace } from "@luoshu/contract";
import { citiesOf, type Policy } from "@luoshu/domain";
import type { RequestContext } from "../../lib/context.ts";
import type { ReferenceRepository } from "./reference.repository.ts";

/** The cities are those the policy files cover: nothing else in the code names a city. */
export function listCities(deps: { policies: readonly Policy[] }): NamedPlace[] {
  return citiesOf(deps.policies).map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
}

/** At start: every city a policy file covers becomes a tenant (names as the file has them). */
export function registerPolicyCities(deps: {
  repos: { reference: Pick<ReferenceRepository, "registerCities"> };
  policies: readonly Policy[];
}) {
  return deps.repos.reference.registerCities(citiesOf(deps.policies));
}

/** Districts of a city (the caller's city when none is given). */
export async function listDistricts(
  deps: { repos: { reference: ReferenceRepository } },
  input: { ctx: RequestContext; city?: string },
): Promise<NamedPlace[]> {
  const city = input.city ?? input.ctx.actor?.cityId;
  return city ? deps.repos.reference.districtsOf(city) : [];
}
