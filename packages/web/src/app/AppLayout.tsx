import { Button, Layout, Menu, Result } from "antd";
import { useMemo, useState } from "react";
import { Link, Navigate, Outlet, useLocation } from "react-router-dom";
import { errorText } from "../api/client";
import { PageLoading } from "../components/PageLoading";
import { ChangePasswordModal } from "../features/auth/ChangePasswordModal";
import { CurrentUserContext, sessionLostReason, useMe } from "../features/auth/session";
import { useCurrentPolicy } from "../features/policies/hooks";
import { AppHeader } from "./AppHeader";
import { useLocale } from "./locale";
import { navItems, navKeyOf } from "./nav";
import { grantsNeed } from "./RequirePermission";

export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const { lang, t } = useLocale();
  const [collapsed, setCollapsed] = useState(false);
  // some items exist only where the city's policy has what they manage (定向委托 in Datong, not Luoyang)
  const { policy } = useCurrentPolicy(me.data?.city?.code ?? "");

  const menuItems = useMemo(() => {
    const granted = me.data?.permissions ?? [];
    return navItems
      .filter((n) => !n.permission || grantsNeed(granted, n.permission))
      .filter((n) => !n.policy || (policy.data !== undefined && n.policy(policy.data)))
      .map((n) => ({
        key: n.key,
        icon: n.icon,
        label: (
          <Link to={n.path} data-testid={`menu-${n.key}`}>
            {t(n.zh, n.en)}
          </Link>
        ),
      }));
  }, [me.data, policy.data, t]);

  if (me.isPending) {
    return <PageLoading />;
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t("无法连接服务器", "Cannot reach the server")}
        subTitle={errorText(me.error, lang)}
        extra={<Button onClick={() => me.refetch()}>{t("重试", "Retry")}</Button>}
      />
    );
  }
  if (!me.data) {
    const params = new URLSearchParams({ redirect: location.pathname + location.search });
    if (sessionLostReason() === "SESSION_EXPIRED") params.set("reason", "expired");
    return <Navigate to={`/login?${params}`} replace />;
  }

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
        <div
          style={{
            color: "#fff",
            fontSize: collapsed ? 16 : 18,
            fontWeight: 600,
            padding: "18px 0",
            textAlign: "center",
          }}
        >
          {collapsed ? "洛书" : t("洛书 · 科技计划", "Luoshu S&T Plans")}
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[navKeyOf(location.pathname)]} items={menuItems} />
      </Layout.Sider>
      <Layout>
        <AppHeader me={me.data} />
        <Layout.Content style={{ margin: 24 }}>
          <CurrentUserContext.Provider value={me.data}>
            {me.data.mustChangePassword ? (
              <ChangePasswordModal open forced onClose={() => me.refetch()} />
            ) : (
              <Outlet />
            )}
          </CurrentUserContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
