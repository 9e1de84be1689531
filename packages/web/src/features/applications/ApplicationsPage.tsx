import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { type ApplicationState, applicationStates, type UnitKind, unitKindNames } from "@luoshu/domain";
import { Button, Input, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { type ApplicationQuery, type ApplicationSummary, exportUrl } from "../../api/applications";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { codeOptions, nameOptions } from "../../components/options";
import { PageHeader } from "../../components/PageHeader";
import { FilterSelect } from "../../components/Select";
import { formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { useGuides } from "../guides/hooks";
import { useDistricts } from "../reference/hooks";
import { useDistrictLookup } from "../units/hooks";
import { useApplications } from "./hooks";
import { applicationStatusColors, applicationStatusText } from "./labels";
import { NewApplicationModal } from "./NewApplicationModal";

type Filters = Omit<ApplicationQuery, "page" | "pageSize">;
const filterKeys = ["callId", "guideId", "status", "editable", "district", "kind", "keyword"] as const;

/**
 * The applications in the caller's scope, filtered and paged on the server. Filters live in the URL, so
 * links from the workspace (`/applications?status=submitted`) open the list already filtered.
 */
export function ApplicationsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const filters: Filters = Object.fromEntries(
    filterKeys.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])),
  ) as Filters;
  const list = useApplications({ page, pageSize, ...filters });
  const guides = useGuides({ page: 1, pageSize: 100 });
  const districts = useDistricts(undefined, me.scope.kind === "city");
  const places = useDistrictLookup(false);
  const canCreate = me.permissions.includes("application.edit");
  const chosenGuide = guides.data?.items.find((g) => g.id === filters.guideId);

  const setFilter = (patch: Partial<Filters>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === "") next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
    setPage(1);
  };

  const columns: TableColumnsType<ApplicationSummary> = [
    {
      title: t("申报编号", "Number"),
      dataIndex: "number",
      render: (v: string, a) => (
        <Link to={`/applications/${a.id}`} data-testid={`application-link-${a.id}`}>
          <code>{v}</code>
        </Link>
      ),
    },
    { title: t("项目名称", "Title"), dataIndex: "title" },
    { title: t("申报单位", "Unit"), dataIndex: "unitNameZh", render: (v: string | null) => v ?? "—" },
    {
      title: t("县区", "District"),
      dataIndex: "districtCode",
      render: (code: string) => {
        const d = places.byCode.get(code);
        return d ? pickLang(lang, d.nameZh, d.nameEn) : code;
      },
    },
    {
      title: t("状态", "Status"),
      dataIndex: "status",
      render: (s: ApplicationState) => (
        <Tag color={applicationStatusColors[s]}>{applicationStatusText(s, lang)}</Tag>
      ),
    },
    { title: t("申请金额", "Requested"), dataIndex: "requestedFen", render: (f: number) => wan(f, lang) },
    { title: t("推荐次序", "Rank"), dataIndex: "districtRank", render: (r: number | null) => r ?? "—" },
    {
      title: t("提交时间", "Submitted"),
      dataIndex: "submittedAt",
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t("修改期限", "Revise by"),
      dataIndex: "returnDeadline",
      render: (v: string | null) => formatDateTime(v),
    },
  ];

  return (
    <div data-testid="page-applications">
      <PageHeader
        title={t("申报书", "Applications")}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={exportUrl(filters)} data-testid="applications-export">
              {t("导出 Excel", "Export .xlsx")}
            </Button>
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="application-create"
              >
                {t("新建申报", "New application")}
              </Button>
            )}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={filters.keyword}
          placeholder={t("项目名称或申报单位", "Title or unit")}
          onSearch={(keyword) => setFilter({ keyword })}
          style={{ width: 240 }}
          data-testid="applications-search"
        />
        <FilterSelect<ApplicationState>
          allowClear
          placeholder={t("状态", "Status")}
          style={{ width: 200 }}
          value={filters.status}
          onChange={(status) => setFilter({ status })}
          options={applicationStates.map((s) => ({ value: s, label: applicationStatusText(s, lang) }))}
          data-testid="applications-status"
        />
        {params.get("editable") && (
          <Tag
            closable
            onClose={() => setFilter({ editable: undefined })}
            data-testid="applications-editable"
          >
            {t("草稿与退回修改", "Drafts and returned")}
          </Tag>
        )}
        <FilterSelect<string>
          allowClear
          placeholder={t("申报指南", "Guide")}
          style={{ width: 260 }}
          value={filters.guideId}
          onChange={(guideId) => setFilter({ guideId, callId: undefined })}
          options={guides.data?.items.map((g) => ({ value: g.id, label: g.titleZh }))}
          data-testid="applications-guide"
        />
        {chosenGuide && (
          <FilterSelect<string>
            allowClear
            placeholder={t("批次", "Call")}
            style={{ width: 140 }}
            value={filters.callId}
            onChange={(callId) => setFilter({ callId })}
            options={chosenGuide.calls.map((c) => ({ value: c.id, label: c.nameZh }))}
            data-testid="applications-call"
          />
        )}
        {me.scope.kind === "city" && (
          <FilterSelect<string>
            allowClear
            placeholder={t("县区", "District")}
            style={{ width: 160 }}
            value={filters.district}
            onChange={(district) => setFilter({ district })}
            options={codeOptions(districts.data, lang)}
            data-testid="applications-district"
          />
        )}
        <FilterSelect<UnitKind>
          allowClear
          placeholder={t("单位类型", "Unit kind")}
          style={{ width: 160 }}
          value={filters.kind}
          onChange={(kind) => setFilter({ kind })}
          options={nameOptions(unitKindNames, lang)}
          data-testid="applications-kind"
        />
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 16 }} />
      <Table<ApplicationSummary>
        rowKey="id"
        data-testid="applications-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: "max-content" }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t(`共 ${n} 条`, `${n} in total`),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
      <NewApplicationModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
