import { roles, userStatuses } from "@luoshu/domain";
import { z } from "zod";
import { cityCode, instant, pageOf, pageQuery } from "./shared.ts";

/** Never the hash, the cipher or the digest: only the masked ID number leaves the server. */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  cityCode: cityCode.nullable(),
  districtCode: z.string().nullable(),
  unitId: z.string().nullable(),
  unitNameZh: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  idNumberMasked: z.string().nullable(),
  status: z.enum(userStatuses),
  mustChangePassword: z.boolean(),
  createdAt: instant,
});
export type UserDto = z.infer<typeof userSchema>;

export const userListQuery = z
  .object({
    ...pageQuery,
    keyword: z.string().max(100).optional(),
    role: z.enum(roles).optional(),
    /** Accounts holding no role yet: the security administrator's work. */
    withoutRoles: z.stringbool().optional(),
    /** Accounts whose password is being guessed this hour (slowed, never locked). */
    guessed: z.stringbool().optional(),
  })
  .strict();
export type UserListQuery = z.output<typeof userListQuery>;

export const userPage = pageOf(userSchema);

export const userCreateBody = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, "用户名为3–32位小写字母、数字或 . _ -"),
    displayName: z.string().trim().min(1).max(50),
    password: z.string().min(1).max(256),
    cityCode: cityCode.optional(),
    districtCode: z.string().max(12).optional(),
    unitId: z.uuid().optional(),
    /** Resident ID number in full; stored encrypted and only ever returned masked. */
    idNumber: z.string().trim().max(18).optional(),
  })
  .strict();
export type UserCreateBody = z.input<typeof userCreateBody>;

export const userRolesBody = z.object({ roles: z.array(z.enum(roles)).max(roles.length) }).strict();
export type UserRolesBody = z.input<typeof userRolesBody>;

export const userUpdateBody = z
  .object({
    displayName: z.string().trim().min(1).max(50).optional(),
    status: z.enum(userStatuses).optional(),
  })
  .strict();
export type UserUpdateBody = z.input<typeof userUpdateBody>;
