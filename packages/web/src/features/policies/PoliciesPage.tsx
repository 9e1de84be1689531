import { Empty, Skeleton, Tabs } from "antd";
import { Navigate, useNavigate, useParams } from "react-router-dom";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { usePolicies, usePolicy } from "./hooks";
import { PolicyView } from "./PolicyView";

export function PoliciesPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { city, version } = useParams();
  const navigate = useNavigate();
  const list = usePolicies();
  const policy = usePolicy(city, version);

  if (!city && list.data && list.data.length > 0) {
    // open the user's own city first; platform staff see whichever comes first
    const own = list.data.find((p) => p.city === me.city?.code) ?? list.data[0];
    if (own) return <Navigate to={`/policies/${own.city}/${own.version}`} replace />;
  }

  return (
    <div data-testid="page-policies">
      <PageHeader title={t("政策规则", "Policies")} />
      <ErrorAlert error={list.error ?? policy.error} style={{ marginBottom: 16 }} />
      {list.isPending && <Skeleton active />}
      {list.data?.length === 0 && <Empty description={t("暂无政策", "No policies")} />}
      {list.data && list.data.length > 0 && (
        <Tabs
          activeKey={`${city}/${version}`}
          onChange={(key) => navigate(`/policies/${key}`)}
          items={list.data.map((p) => ({
            key: `${p.city}/${p.version}`,
            label: (
              <span data-testid={`policy-tab-${p.city}-${p.version}`}>
                {`${pickLang(lang, p.cityNameZh, p.cityNameEn) || p.city} ${p.version}`}
              </span>
            ),
          }))}
        />
      )}
      {policy.isFetching && !policy.data && <Skeleton active />}
      {policy.data && <PolicyView policy={policy.data} />}
    </div>
  );
}
