import { DownOutlined, LockOutlined, LogoutOutlined } from "@ant-design/icons";
import { roleNames } from "@luoshu/domain";
import { Button, Dropdown, Layout, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import type { Me } from "../api/auth";
import { ChangePasswordModal } from "../features/auth/ChangePasswordModal";
import { useLogout } from "../features/auth/session";
import { NotificationBell } from "../features/workspace/NotificationBell";
import { LanguageSwitch } from "./LanguageSwitch";
import { pickLang, useLocale } from "./locale";

export function AppHeader({ me }: { me: Me }) {
  const { lang, t } = useLocale();
  const logout = useLogout();
  const navigate = useNavigate();
  const [pwOpen, setPwOpen] = useState(false);

  const menu = {
    items: [
      { key: "password", icon: <LockOutlined />, label: t("修改密码", "Change password") },
      {
        key: "logout",
        icon: <LogoutOutlined />,
        label: <span data-testid="logout">{t("退出登录", "Sign out")}</span>,
      },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === "password") setPwOpen(true);
      if (key === "logout")
        logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) });
    },
  };

  return (
    <Layout.Header
      style={{
        background: "#fff",
        padding: "0 24px",
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
        borderBottom: "1px solid #f0f0f0",
      }}
    >
      <Typography.Text strong data-testid="header-city">
        {me.city ? pickLang(lang, me.city.nameZh, me.city.nameEn) : t("平台", "Platform")}
        {me.district ? ` · ${pickLang(lang, me.district.nameZh, me.district.nameEn)}` : ""}
        {me.unit ? ` · ${me.unit.nameZh}` : ""}
      </Typography.Text>
      <Space size="middle">
        <span data-testid="header-roles">
          {me.roles.map((r) => (
            <Tag key={r} color="blue">
              {roleNames[r] ? pickLang(lang, roleNames[r].zh, roleNames[r].en) : r}
            </Tag>
          ))}
        </span>
        {me.roles.length > 0 && <NotificationBell />}
        <LanguageSwitch />
        <Dropdown menu={menu} trigger={["click"]}>
          <Button type="text" data-testid="user-menu">
            <Space>
              <span data-testid="user-name">{me.displayName}</span>
              <DownOutlined />
            </Space>
          </Button>
        </Dropdown>
      </Space>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout.Header>
  );
}
