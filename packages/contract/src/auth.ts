import { permissions, roles, scopeKinds, unitKinds } from "@luoshu/domain";
import { z } from "zod";
import { cityCode } from "./shared.ts";

const place = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  city: place.extend({ code: cityCode }).nullable(),
  district: place.nullable(),
  /** The account's unit; its kind says, e.g., whether it may set joint research questions (enterprises). */
  unit: z.object({ id: z.string(), nameZh: z.string(), kind: z.enum(unitKinds) }).nullable(),
  roles: z.array(z.enum(roles)),
  permissions: z.array(z.enum(permissions)),
  scope: z.object({ kind: z.enum(scopeKinds) }),
  csrfToken: z.string(),
  /** The password was set by an administrator: nothing but the password change is open until it changes. */
  mustChangePassword: z.boolean(),
});
export type MeDto = z.infer<typeof meSchema>;

export const loginBody = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();
export type LoginBody = z.input<typeof loginBody>;
export const loginResponse = z.object({ user: meSchema });
export type LoginResponse = z.infer<typeof loginResponse>;

export const passwordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .strict();
export type PasswordBody = z.input<typeof passwordBody>;

/** Demo sign-in help: empty in production, where demo logins are refused. */
export const demoAccountsSchema = z.object({
  password: z.string().nullable(),
  groups: z.array(z.object({ labelZh: z.string(), labelEn: z.string(), usernames: z.array(z.string()) })),
});
export type DemoAccountsDto = z.infer<typeof demoAccountsSchema>;
