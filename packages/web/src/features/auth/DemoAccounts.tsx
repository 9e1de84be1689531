import { Collapse, Space, Tag, Typography } from "antd";
import { useLocale } from "../../app/locale";

const DEMO_PASSWORD = "Luoshu@2025";
const cityRoles = ["officer", "leader", "finance", "district", "agency", "unit", "pi", "expert", "fund"];
const platform = ["sysadmin", "secadmin", "auditor"];

/** Demo sign-in help; clicking a name fills the form so reviewers try roles quickly. */
export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t } = useLocale();
  const names = (prefix: string) => cityRoles.map((r) => `${prefix}-${r}`);
  const row = (label: string, users: string[]) => (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div>
        {users.map((u) => (
          <Tag
            key={u}
            style={{ cursor: "pointer", marginTop: 4 }}
            onClick={() => onPick(u, DEMO_PASSWORD)}
            data-testid={`demo-${u}`}
          >
            {u}
          </Tag>
        ))}
      </div>
    </div>
  );
  return (
    <Collapse
      size="small"
      data-testid="demo-accounts"
      items={[
        {
          key: "demo",
          label: t("演示账号", "Demo accounts"),
          children: (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Typography.Text>
                {t("演示密码：", "Demo password: ")}
                <Typography.Text code copyable>
                  {DEMO_PASSWORD}
                </Typography.Text>
              </Typography.Text>
              {row(t("洛阳市", "Luoyang"), names("ly"))}
              {row(t("大同市", "Datong"), names("dt"))}
              {row(t("平台管理员（三员）", "Platform administrators"), platform)}
            </Space>
          ),
        },
      ]}
    />
  );
}
