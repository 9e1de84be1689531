import { Button, Result } from "antd";
import { useRouteError } from "react-router-dom";
import { useLocale } from "./locale";

/** Replaces the router's developer screen: officers get a plain message, the console keeps the detail. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useLocale();
  console.error(error);
  // Result drops data-* attributes, so the test id sits on a wrapper
  return (
    <div data-testid="page-error">
      <Result
        status="error"
        title={t("页面出错了", "Something went wrong")}
        subTitle={t(
          "请刷新页面重试；如仍有问题请联系系统管理员。",
          "Reload the page; if it persists, contact the administrator.",
        )}
        extra={<Button onClick={() => window.location.reload()}>{t("刷新", "Reload")}</Button>}
      />
    </div>
  );
}
