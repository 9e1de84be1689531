import type { CityCode } from "@luoshu/domain";
import { Button, Layout, Segmented, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import { pickLang, useLocale } from "../../app/locale";
import { useMe } from "../auth/session";
import { defaultCity, useCities } from "../reference/hooks";

/**
 * The city shown on the public board, kept in `?city=` so a link names it. Without one it is the
 * visitor's own city when signed in, else the first the server lists; undefined until those have loaded.
 */
export function usePublicCity() {
  const [params, setParams] = useSearchParams();
  const cities = useCities();
  const me = useMe();
  const list = cities.data ?? [];
  const city =
    list.find((c) => c.code === params.get("city")) ??
    (me.isPending ? undefined : defaultCity(list, me.data?.city?.code));
  const setCity = (code: CityCode) => setParams({ city: code }, { replace: true });
  return { city, cities: list, error: cities.error, setCity };
}

/** The frame of the pages anyone may read without signing in. */
export function PublicLayout({ children, citySwitch = true }: { children: ReactNode; citySwitch?: boolean }) {
  const { lang, t } = useLocale();
  const { city, cities, setCity } = usePublicCity();
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
          <Link to="/public" style={{ color: "#fff" }} data-testid="public-nav-guides">
            {t("申报指南", "Guides")}
          </Link>
          <Link to="/notices" style={{ color: "#fff" }} data-testid="public-nav-notices">
            {t("立项公示", "Project notices")}
          </Link>
          <Link to="/public/spot-checks" style={{ color: "#fff" }} data-testid="public-nav-spot-checks">
            {t("随机抽查", "Spot checks")}
          </Link>
          {citySwitch && city && (
            <Segmented<CityCode>
              value={city.code}
              onChange={setCity}
              options={cities.map((c) => ({ value: c.code, label: pickLang(lang, c.nameZh, c.nameEn) }))}
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
