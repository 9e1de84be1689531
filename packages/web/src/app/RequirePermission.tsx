import type { Permission } from "@luoshu/domain";
import { Result } from "antd";
import type { ReactNode } from "react";
import { useCurrentUser } from "../features/auth/session";
import { useLocale } from "./locale";

/** The menu already hides what a user may not open; this covers typed-in or bookmarked URLs. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useCurrentUser();
  const { t } = useLocale();
  if (!me.permissions.includes(permission)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t("您没有访问此页面的权限", "You do not have permission to open this page")}
        data-testid="page-forbidden"
      />
    );
  }
  return <>{children}</>;
}
