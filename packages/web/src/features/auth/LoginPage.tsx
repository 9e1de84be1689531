import { LockOutlined, NotificationOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Space, Typography } from "antd";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { errorText } from "../../api/client";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import { useLocale } from "../../app/locale";
import { DemoAccounts } from "./DemoAccounts";
import { clearSessionLostReason, useLogin, useMe } from "./session";

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths: an open redirect from a crafted link would be a phishing aid. */
function safeRedirect(value: string | null): string {
  return value?.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function LoginPage() {
  const { lang, t } = useLocale();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginForm>();
  const redirect = safeRedirect(params.get("redirect"));

  if (me.data) return <Navigate to={redirect} replace />;

  const onFinish = (values: LoginForm) =>
    login.mutate(values, {
      onSuccess: () => {
        clearSessionLostReason();
        navigate(redirect, { replace: true });
      },
    });

  return (
    <div
      data-testid="page-login"
      style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f0f2f5" }}
    >
      <Card style={{ width: 420 }}>
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "start" }}>
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t("洛书", "Luoshu")}
              </Typography.Title>
              <Typography.Text type="secondary">
                {t("科技计划项目管理平台", "S&T Plan Project Management Platform")}
              </Typography.Text>
            </div>
            <LanguageSwitch />
          </div>
          {params.get("reason") === "expired" && !login.error && (
            <Alert
              type="warning"
              showIcon
              message={t("登录已过期，请重新登录", "Session expired, please sign in again")}
            />
          )}
          {login.error && (
            <Alert type="error" showIcon data-testid="login-error" message={errorText(login.error, lang)} />
          )}
          <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              name="username"
              label={t("用户名", "Username")}
              rules={[{ required: true, message: t("请输入用户名", "Please enter your username") }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("密码", "Password")}
              rules={[{ required: true, message: t("请输入密码", "Please enter your password") }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t("登录", "Sign in")}
            </Button>
          </Form>
          <Link to="/public" data-testid="login-public">
            <NotificationOutlined /> {t("申报指南公开栏（无需登录）", "Public notice board (no sign-in)")}
          </Link>
          <DemoAccounts
            onPick={(username, password) =>
              form.setFieldsValue(password === null ? { username } : { username, password })
            }
          />
        </Space>
      </Card>
    </div>
  );
}
