import type { Permission } from "@luoshu/domain";
import type { ReactNode } from "react";
import { StatusPage } from "../components/StatusPage";
import { useCurrentUser } from "../features/auth/session";
import { useLocale } from "./locale";

/** The menu already hides what a user may not open; this covers typed-in or bookmarked URLs. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useCurrentUser();
  const { t } = useLocale();
  if (!me.permissions.includes(permission)) {
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
