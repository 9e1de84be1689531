import type { Permission } from "@luoshu/domain";
import type { ReactNode } from "react";
import { StatusPage } from "../components/StatusPage";
import { useCurrentUser } from "../features/auth/session";
import { useLocale } from "./locale";

/** A permission, or several of which any one will do (拨款管理: the bureau's or finance's side). */
export type PermissionNeed = Permission | readonly Permission[];

export function grantsNeed(granted: readonly Permission[], need: PermissionNeed): boolean {
  return typeof need === "string" ? granted.includes(need) : need.some((p) => granted.includes(p));
}

/** The menu already hides what a user may not open; this covers typed-in or bookmarked URLs. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: PermissionNeed;
  children: ReactNode;
}) {
  const me = useCurrentUser();
  const { t } = useLocale();
  if (!grantsNeed(me.permissions, permission)) {
    return (
      <StatusPage
        status="403"
        message={t("您没有访问此页面的权限", "You do not have permission to open this page")}
        testId="page-forbidden"
      />
    );
  }
  return <>{children}</>;
}
