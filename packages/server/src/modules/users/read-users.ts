import type { Role } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { userNotFound } from "./user-errors.ts";
import type { UsersRepository } from "./users.repository.ts";

type Deps = { repos: { users: Pick<UsersRepository, "list" | "find"> } };
/** What reading one user back needs. */
export type UserReadDeps = { repos: { users: Pick<UsersRepository, "find"> } };

export function listUsers(
  deps: Deps,
  input: {
    ctx: CallerContext;
    filter: { keyword?: string; role?: Role; withoutRoles?: boolean; guessed?: boolean };
    page: number;
    pageSize: number;
  },
) {
  const { guessed, ...rest } = input.filter;
  const filter = { ...rest, ...(guessed ? { guessedAt: input.ctx.now } : {}) };
  return deps.repos.users.list(input.ctx.scope, filter, input.page, input.pageSize);
}

export async function getUser(deps: UserReadDeps, input: { ctx: CallerContext; id: string }) {
  const user = await deps.repos.users.find(input.ctx.scope, input.id);
  if (!user) throw userNotFound();
  return user;
}
