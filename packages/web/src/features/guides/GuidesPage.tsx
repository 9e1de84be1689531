import { PlusOutlined } from "@ant-design/icons";
import { type GuideState, guideStates } from "@luoshu/domain";
import { Button, Space, Table, type TableColumnsType, Tag } from "antd";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type { Guide } from "../../api/guides";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { FilterSelect } from "../../components/Select";
import { formatDate } from "../../components/time";
import { usePagedQuery } from "../../components/usePagedQuery";
import { useCurrentUser } from "../auth/session";
import { useGuides } from "./hooks";
import { callWindowColors, callWindowNames, guideStatusColors, guideStatusText } from "./labels";

export function GuidesPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const navigate = useNavigate();
  // The status filter lives in the address too, so a workspace tile opens the list it counts.
  const [params, setParams] = useSearchParams();
  const { query, filters, setFilters, pagination } = usePagedQuery<{ status?: GuideState }>({
    status: guideStates.find((s) => s === params.get("status")),
  });
  const pickStatus = (status: GuideState | undefined) => {
    setFilters({ status });
    setParams(status ? { status } : {}, { replace: true });
  };
  const guides = useGuides(query);
  const canManage = me.permissions.includes("guide.manage");
  const bureau = me.permissions.includes("guide.decide");

  const columns: TableColumnsType<Guide> = [
    {
      title: t("指南名称", "Title"),
      dataIndex: "titleZh",
      render: (v: string, g) => (
        <Link to={`/guides/${g.id}`} data-testid={`guide-link-${g.id}`}>
          {v}
        </Link>
      ),
    },
    {
      title: t("计划类别", "Program"),
      key: "program",
      render: (_, g) => pickLang(lang, g.programNameZh, g.programNameEn),
    },
    { title: t("年度", "Year"), dataIndex: "year" },
    {
      title: t("状态", "Status"),
      dataIndex: "status",
      render: (s: GuideState) => <Tag color={guideStatusColors[s]}>{guideStatusText(s, lang)}</Tag>,
    },
    {
      title: t("申报批次", "Calls"),
      key: "calls",
      render: (_, g) =>
        g.calls.map((c) => (
          <Tag key={c.id} color={callWindowColors[c.window]}>
            {c.nameZh} · {callWindowNames[c.window][lang]}
          </Tag>
        )),
    },
    {
      title: t("发布日期", "Published"),
      dataIndex: "publishedAt",
      render: (v: string | null) => formatDate(v),
    },
  ];

  return (
    <div data-testid="page-guides">
      <PageHeader
        title={t("申报指南", "Guides")}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate("/guides/new")}
              data-testid="guide-create"
            >
              {t("起草指南", "Draft a guide")}
            </Button>
          )
        }
      />
      {bureau && (
        <Space wrap style={{ marginBottom: 16 }}>
          <FilterSelect<GuideState>
            allowClear
            placeholder={t("全部状态", "Any status")}
            style={{ width: 180 }}
            value={filters.status}
            onChange={pickStatus}
            options={guideStates.map((s) => ({ value: s, label: guideStatusText(s, lang) }))}
            data-testid="guides-status"
          />
        </Space>
      )}
      <ErrorAlert error={guides.error} style={{ marginBottom: 16 }} />
      <Table<Guide>
        rowKey="id"
        data-testid="guides-table"
        columns={columns}
        dataSource={guides.data?.items}
        loading={guides.isFetching}
        scroll={{ x: "max-content" }}
        pagination={pagination(guides.data?.total)}
      />
    </div>
  );
}
