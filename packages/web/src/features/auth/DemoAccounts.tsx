import { useQuery } from "@tanstack/react-query";
import { Collapse, Space, Tag, Typography } from "antd";
import { fetchDemoAccounts } from "../../api/auth";
import { pickLang, useLocale } from "../../app/locale";

/**
 * Demo sign-in help from the server, which knows the demo cities and accounts; clicking a name fills
 * the form so reviewers try roles quickly. Nothing shows where there are none (production).
 */
export function DemoAccounts({ onPick }: { onPick: (username: string, password: string | null) => void }) {
  const { lang, t } = useLocale();
  const demo = useQuery({ queryKey: ["demoAccounts"], queryFn: fetchDemoAccounts, staleTime: Infinity });
  const { password, groups = [] } = demo.data ?? {};
  if (groups.length === 0) return null;
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
              {password && (
                <Typography.Text>
                  {t("演示密码：", "Demo password: ")}
                  <Typography.Text code copyable>
                    {password}
                  </Typography.Text>
                </Typography.Text>
              )}
              {groups.map((g) => (
                <div key={g.labelEn} style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">{pickLang(lang, g.labelZh, g.labelEn)}</Typography.Text>
                  <div>
                    {g.usernames.map((u) => (
                      <Tag
                        key={u}
                        style={{ cursor: "pointer", marginTop: 4 }}
                        onClick={() => onPick(u, password ?? null)}
                        data-testid={`demo-${u}`}
                      >
                        {u}
                      </Tag>
                    ))}
                  </div>
                </div>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
