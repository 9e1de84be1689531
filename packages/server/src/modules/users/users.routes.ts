import {
  idParams,
  userCreateBody,
  userListQuery,
  userPage,
  userRolesBody,
  userSchema,
  userUpdateBody,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { createUser } from "./create-user.ts";
import { grantRoles } from "./grant-roles.ts";
import { getUser, listUsers } from "./read-users.ts";
import { updateUser } from "./update-user.ts";
import { toUserDto } from "./users.dto.ts";

export async function userRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/users",
    {
      config: { access: { permission: "user.read", scope: "platform" } },
      schema: {
        tags: ["users"],
        summary: "Users in the caller's scope",
        querystring: userListQuery,
        response: { 200: userPage },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const res = await listUsers(deps, { ctx: callerOf(request), filter, page, pageSize });
      return { items: res.items.map(toUserDto), total: res.total, page, pageSize };
    },
  );

  r.get(
    "/api/users/:id",
    {
      config: { access: { permission: "user.read", scope: "platform" } },
      schema: { tags: ["users"], summary: "One user", params: idParams, response: { 200: userSchema } },
    },
    async (request) => toUserDto(await getUser(deps, { ctx: callerOf(request), id: request.params.id })),
  );

  r.post(
    "/api/users",
    {
      config: {
        access: { permission: "user.create", scope: "platform" },
        errors: ["CONFLICT", "PASSWORD_WEAK", ...codesOf("RESIDENT_ID_")],
      },
      schema: {
        tags: ["users"],
        summary: "Open an account (resident ID number checked by GB 11643-1999, stored SM4-encrypted)",
        body: userCreateBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await createUser(deps, { ctx: callerOf(request), user: request.body });
      return reply.status(201).send(toUserDto(user));
    },
  );

  r.put(
    "/api/users/:id/roles",
    {
      config: {
        access: { permission: "role.grant", scope: "platform" },
        errors: ["CONFLICT", ...codesOf("ROLE_")],
      },
      schema: {
        tags: ["users"],
        summary: "Replace a user's roles (security administrator only)",
        params: idParams,
        body: userRolesBody,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      toUserDto(
        await grantRoles(deps, { ctx: callerOf(request), id: request.params.id, roles: request.body.roles }),
      ),
  );

  r.patch(
    "/api/users/:id",
    {
      config: { access: { permission: "user.update", scope: "platform" }, errors: ["ROLE_SEPARATION"] },
      schema: {
        tags: ["users"],
        summary: "Change a user's display name or status",
        params: idParams,
        body: userUpdateBody,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      toUserDto(
        await updateUser(deps, { ctx: callerOf(request), id: request.params.id, changes: request.body }),
      ),
  );
}
