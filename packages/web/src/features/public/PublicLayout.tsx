import type { CityCode } from "@luoshu/domain";
import { Button, Layout, Segmented, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import { useLocale } from "../../app/locale";

export const publicCities: { code: CityCode; zh: string; en: string }[] = [
  { code: "luoyang", zh: "洛阳市", en: "Luoyang" },
  { code: "datong", zh: "大同市", en: "Datong" },
];

/** The city shown on the public board, kept in `?city=` so a link names it. */
export function usePublicCity(): [CityCode, (c: CityCode) => void] {
  const [params, setParams] = useSearchParams();
  const city = publicCities.find((c) => c.code === params.get("city"))?.code ?? "luoyang";
  return [city, (c) => setParams({ city: c }, { replace: true })];
}

/** The frame of the pages anyone may read without signing in. */
export function PublicLayout({ children, citySwitch = true }: { children: ReactNode; citySwitch?: boolean }) {
  const { lang, t } = useLocale();
  const [city, setCity] = usePublicCity();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          background: "#001529",
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          padding: "0 24px",
        }}
      >
        <Link to="/public" style={{ color: "#fff", fontSize: 18, fontWeight: 600 }}>
          {t("洛书 · 申报指南公开栏", "Luoshu · Public notice board")}
        </Link>
        <Space size="middle">
          {citySwitch && (
            <Segmented<CityCode>
              value={city}
              onChange={setCity}
              options={publicCities.map((c) => ({ value: c.code, label: c[lang] }))}
              data-testid="public-city"
            />
          )}
          <LanguageSwitch />
          <Link to="/login">
            <Button type="primary" data-testid="public-login">
              {t("登录", "Sign in")}
            </Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: "100%", margin: "0 auto" }}>
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center" }}>
        <Typography.Text type="secondary">
          {t(
            "时间均为北京时间；申报以服务器时间为准。",
            "All times are Beijing time; the server's clock decides deadlines.",
          )}
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
