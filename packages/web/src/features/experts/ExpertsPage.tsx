import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { type ExpertStatus, expertStatusNames } from "@luoshu/domain";
import { Button, Input, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { type Expert, type ExpertQuery, expertExportUrl } from "../../api/experts";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { nameOptions } from "../../components/options";
import { PageHeader } from "../../components/PageHeader";
import { FilterSelect } from "../../components/Select";
import { usePagedQuery } from "../../components/usePagedQuery";
import { useCurrentUser } from "../auth/session";
import { useUnits } from "../units/hooks";
import { disciplineLabel } from "./disciplineLabel";
import { ExpertDrawer } from "./ExpertDrawer";
import { useDisciplines, useExperts } from "./hooks";
import { ImportExpertsModal } from "./ImportExpertsModal";
import { SuspensionModal } from "./SuspensionModal";

type Filters = Omit<ExpertQuery, "page" | "pageSize">;

/** 专家库: the city's experts, with import, export, and suspension for those who manage the pool. */
export function ExpertsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { query, filters, setFilters, pagination } = usePagedQuery<Filters>({ keyword: "" });
  const experts = useExperts(query);
  const disciplines = useDisciplines();
  const units = useUnits({ page: 1, pageSize: 200 });
  const canManage = me.permissions.includes("expert.manage");
  const [openId, setOpenId] = useState<string | null>(null);
  const [suspending, setSuspending] = useState<Expert | null>(null);
  const [importing, setImporting] = useState(false);
  const open = experts.data?.items.find((e) => e.id === openId) ?? null;

  const columns: TableColumnsType<Expert> = [
    {
      title: t("姓名", "Name"),
      key: "name",
      render: (_, e) => (
        <Button
          type="link"
          size="small"
          onClick={() => setOpenId(e.id)}
          data-testid={`expert-open-${e.username}`}
        >
          {e.displayName}
        </Button>
      ),
    },
    { title: t("用户名", "Username"), dataIndex: "username" },
    { title: t("所在单位", "Unit"), key: "unit", render: (_, e) => e.unit.nameZh },
    {
      title: t("学科", "Disciplines"),
      dataIndex: "disciplines",
      render: (codes: string[]) => codes.map((c) => disciplineLabel(c, lang)).join("；"),
    },
    { title: t("职称", "Title"), dataIndex: "title" },
    { title: t("研究方向关键词", "Keywords"), dataIndex: "keywords", render: (k: string[]) => k.join("、") },
    {
      title: t("状态", "Status"),
      dataIndex: "status",
      render: (s: ExpertStatus) => (
        <Tag color={s === "active" ? "green" : "red"}>
          {pickLang(lang, expertStatusNames[s].zh, expertStatusNames[s].en)}
        </Tag>
      ),
    },
  ];

  return (
    <div data-testid="page-experts">
      <PageHeader
        title={t("专家库", "Expert pool")}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={expertExportUrl(filters)} data-testid="experts-export">
              {t("导出", "Export")}
            </Button>
            {canManage && (
              <Button
                type="primary"
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="experts-import"
              >
                {t("导入专家", "Import experts")}
              </Button>
            )}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t("姓名、用户名、职称或关键词", "Name, username, title or keyword")}
          aria-label={t("姓名、用户名、职称或关键词", "Name, username, title or keyword")}
          onSearch={(keyword) => setFilters({ keyword })}
          style={{ width: 280 }}
          data-testid="experts-search"
        />
        <FilterSelect
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("学科", "Discipline")}
          style={{ width: 240 }}
          value={filters.discipline}
          onChange={(discipline?: string) => setFilters({ discipline })}
          options={disciplines.data?.items.map((d) => ({
            value: d.code,
            label: disciplineLabel(d.code, lang),
          }))}
        />
        <FilterSelect
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("所在单位", "Unit")}
          style={{ width: 240 }}
          value={filters.unitId}
          onChange={(unitId?: string) => setFilters({ unitId })}
          options={units.data?.items.map((u) => ({ value: u.id, label: u.nameZh }))}
        />
        <FilterSelect
          allowClear
          placeholder={t("状态", "Status")}
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status?: ExpertStatus) => setFilters({ status })}
          options={nameOptions(expertStatusNames, lang)}
        />
      </Space>
      <ErrorAlert error={experts.error} style={{ marginBottom: 16 }} />
      <Table<Expert>
        rowKey="id"
        data-testid="experts-table"
        columns={columns}
        dataSource={experts.data?.items}
        loading={experts.isFetching}
        scroll={{ x: "max-content" }}
        pagination={pagination(experts.data?.total)}
      />
      <ExpertDrawer
        expert={open}
        canManage={canManage}
        onClose={() => setOpenId(null)}
        onSuspension={(e) => setSuspending(e)}
      />
      <SuspensionModal expert={suspending} onClose={() => setSuspending(null)} />
      <ImportExpertsModal open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
