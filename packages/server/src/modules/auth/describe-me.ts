import type { MeDto } from "@luoshu/contract";
import { type Actor, permissionsOf, scopeOf } from "@luoshu/domain";
import type { CredentialsRepository } from "./credentials.repository.ts";

/** The logged-in user as the web shows them, with what they may do and how far they see. */
export async function describeMe(
  deps: { repos: { credentials: Pick<CredentialsRepository, "describe"> } },
  input: { actor: Actor; csrfToken: string; mustChangePassword: boolean },
): Promise<MeDto> {
  const { actor } = input;
  const names = await deps.repos.credentials.describe(actor);
  return {
    id: actor.userId,
    username: actor.username,
    displayName: names.displayName ?? actor.username,
    city: names.city,
    district: names.district,
    unit: names.unit,
    roles: actor.roles,
    permissions: permissionsOf(actor.roles),
    scope: { kind: scopeOf(actor.roles) },
    csrfToken: input.csrfToken,
    mustChangePassword: input.mustChangePassword,
  };
}
