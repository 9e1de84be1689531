import { roles } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { idParams, pageOf, pageQuery } from "../../lib/http-schemas.ts";
import { actorOf } from "../../plugins/access.ts";
import { changeUser, grantRoles, userVisibleTo } from "./change-user.ts";
import { createUser } from "./create-user.ts";
import { userNotFound } from "./user-errors.ts";
import { findUser, listUsers, type UserRow } from "./users.repository.ts";

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  cityCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  unitId: z.string().nullable(),
  unitNameZh: z.string().nullable(),
  roles: z.array(z.string()),
  idNumberMasked: z.string().nullable(),
  status: z.string(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

/** Never the hash, the cipher or the digest: only the masked ID number leaves the server. */
const toDto = (u: UserRow & { unitNameZh?: string | null; roles: string[] }) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  cityCode: u.cityId,
  districtCode: u.districtCode,
  unitId: u.unitId,
  unitNameZh: u.unitNameZh ?? null,
  roles: u.roles,
  idNumberMasked: u.idNumberMasked,
  status: u.status,
  lockedUntil: u.lockedUntil?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

export async function userRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/users",
    {
      config: { access: { permission: "user.read", scope: "unit" } },
      schema: {
        tags: ["users"],
        summary: "Users in the caller's scope",
        querystring: z
          .object({ ...pageQuery, keyword: z.string().max(100).optional(), role: z.enum(roles).optional() })
          .strict(),
        response: { 200: pageOf(userSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const res = await listUsers(deps.db, actorOf(request), filter, page, pageSize);
      return { items: res.items.map(toDto), total: res.total, page, pageSize };
    },
  );

  r.get(
    "/api/users/:id",
    {
      config: { access: { permission: "user.read", scope: "unit" } },
      schema: { tags: ["users"], summary: "One user", params: idParams, response: { 200: userSchema } },
    },
    async (request) => {
      const user = await findUser(deps.db, request.params.id);
      if (!user || !userVisibleTo(actorOf(request), user)) throw userNotFound();
      return toDto(user);
    },
  );

  r.post(
    "/api/users",
    {
      config: { access: { permission: "user.create", scope: "unit" } },
      schema: {
        tags: ["users"],
        summary: "Open an account (resident ID number checked by GB 11643-1999, stored SM4-encrypted)",
        body: z
          .object({
            username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, "用户名为3–32位小写字母、数字或 . _ -"),
            displayName: z.string().trim().min(1).max(50),
            password: z.string().min(1).max(256),
            cityCode: z.string().max(32).optional(),
            districtCode: z.string().max(12).optional(),
            unitId: z.uuid().optional(),
            idNumber: z.string().trim().max(18).optional(),
          })
          .strict(),
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await createUser({
        db: deps.db,
        ctx: request.ctx,
        actor: actorOf(request),
        cipher: deps.cipher,
        input: request.body,
      });
      const full = await findUser(deps.db, user.id);
      return reply.status(201).send(toDto(full ?? { ...user, roles: [] }));
    },
  );

  r.put(
    "/api/users/:id/roles",
    {
      config: { access: { permission: "role.grant", scope: "platform" } },
      schema: {
        tags: ["users"],
        summary: "Replace a user's roles (security administrator only)",
        params: idParams,
        body: z.object({ roles: z.array(z.enum(roles)).max(roles.length) }).strict(),
        response: { 200: userSchema },
      },
    },
    async (request) =>
      toDto(
        await grantRoles({
          db: deps.db,
          ctx: request.ctx,
          actor: actorOf(request),
          id: request.params.id,
          roles: request.body.roles,
        }),
      ),
  );

  r.patch(
    "/api/users/:id",
    {
      config: { access: { permission: "user.update", scope: "unit" } },
      schema: {
        tags: ["users"],
        summary: "Change a user's display name or status",
        params: idParams,
        body: z
          .object({
            displayName: z.string().trim().min(1).max(50).optional(),
            status: z.enum(["active", "disabled"]).optional(),
          })
          .strict(),
        response: { 200: userSchema },
      },
    },
    async (request) =>
      toDto(
        await changeUser({
          db: deps.db,
          ctx: request.ctx,
          actor: actorOf(request),
          id: request.params.id,
          input: request.body,
        }),
      ),
  );
}
