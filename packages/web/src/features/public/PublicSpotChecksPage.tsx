import { Alert, Empty, Skeleton, Space, Typography } from "antd";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { DrawCard } from "../supervision/DrawCard";
import { usePublicSpotChecks } from "../supervision/hooks";
import { PublicLayout } from "./PublicLayout";

/**
 * `/public/spot-checks`: every city's spot-check draws (随机抽查, LY-PLAN §七(四)) with the algorithm,
 * the seed, the rate and both lists, no login. Anyone may draw again in the browser on the published
 * inputs and see that the same projects come out.
 */
export function PublicSpotChecksPage() {
  return (
    <PublicLayout citySwitch={false}>
      <PublicSpotChecks />
    </PublicLayout>
  );
}

function PublicSpotChecks() {
  const { t } = useLocale();
  const draws = usePublicSpotChecks();
  const items = [...(draws.data?.items ?? [])].sort(
    (a, b) => b.cycle - a.cycle || a.city.localeCompare(b.city),
  );
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }} data-testid="page-public-spot-checks">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("科技计划项目随机抽查公开", "S&T project spot checks in public")}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        message={t(
          "每次抽取公布所用算法、随机种子、抽查比例、待抽查项目和抽中项目。任何人都可以在本机用相同的输入重新抽取，核对结果是否与公布的名单一致；核验在浏览器中进行，不向服务器发送任何数据。",
          "Each draw publishes its algorithm, seed, rate, the eligible and the drawn projects. Anyone can draw again in this browser on the same inputs and compare with the published list; the check runs in the browser and sends nothing to the server.",
        )}
      />
      <ErrorAlert error={draws.error} />
      {draws.isPending && <Skeleton active />}
      {draws.data?.items.length === 0 && (
        <Empty data-testid="public-spot-checks-empty" description={t("尚无公开的抽查", "No draw yet")} />
      )}
      {items.map((d) => (
        <DrawCard key={d.id} draw={d} />
      ))}
    </Space>
  );
}
