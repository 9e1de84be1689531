import { PlusOutlined } from "@ant-design/icons";
import { type UnitKind, unitKindNames } from "@luoshu/domain";
import { Button, Input, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import type { Unit, UnitQuery } from "../../api/units";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { codeOptions, nameOptions } from "../../components/options";
import { PageHeader } from "../../components/PageHeader";
import { FilterSelect } from "../../components/Select";
import { formatDate } from "../../components/time";
import { usePagedQuery } from "../../components/usePagedQuery";
import { useCurrentUser } from "../auth/session";
import { useDistrictLookup, usePlaces, useUnits } from "./hooks";
import { UnitFormModal } from "./UnitFormModal";

type Filters = Omit<UnitQuery, "page" | "pageSize">;

export function UnitsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { query, filters, setFilters, pagination } = usePagedQuery<Filters>({ keyword: "" });
  const [editing, setEditing] = useState<{ unit?: Unit } | null>(null);
  const isPlatform = me.scope.kind === "platform";
  const units = useUnits(query);
  const { cities, districts } = usePlaces(isPlatform, filters.city);
  const places = useDistrictLookup(isPlatform);
  const canCreate = me.permissions.includes("unit.create");
  const canUpdate = me.permissions.includes("unit.update");

  const columns: TableColumnsType<Unit> = [
    { title: t("单位名称", "Name"), dataIndex: "nameZh" },
    { title: t("统一社会信用代码", "USCC"), dataIndex: "uscc", render: (v: string) => <code>{v}</code> },
    {
      title: t("单位类型", "Kind"),
      dataIndex: "kind",
      render: (k: UnitKind) => pickLang(lang, unitKindNames[k]?.zh, unitKindNames[k]?.en) || k,
    },
    {
      title: t("所属县区", "District"),
      dataIndex: "districtCode",
      render: (code: string, unit) => {
        const d = places.byCode.get(code);
        return d ? pickLang(lang, d.nameZh, d.nameEn) : (unit.districtNameZh ?? code);
      },
    },
    { title: t("法定代表人", "Legal representative"), dataIndex: "legalRepresentative" },
    { title: t("创建时间", "Created"), dataIndex: "createdAt", render: (v: string) => formatDate(v) },
  ];
  if (canUpdate) {
    columns.push({
      title: t("操作", "Actions"),
      key: "actions",
      render: (_, unit) => (
        <Button
          type="link"
          size="small"
          onClick={() => setEditing({ unit })}
          data-testid={`unit-edit-${unit.id}`}
        >
          {t("编辑", "Edit")}
        </Button>
      ),
    });
  }

  return (
    <div data-testid="page-units">
      <PageHeader
        title={t("单位管理", "Units")}
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({})}
              data-testid="unit-create"
            >
              {t("新建单位", "New unit")}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t("名称或信用代码", "Name or USCC")}
          onSearch={(keyword) => setFilters({ keyword })}
          style={{ width: 260 }}
          data-testid="units-search"
        />
        <FilterSelect
          allowClear
          placeholder={t("单位类型", "Kind")}
          style={{ width: 180 }}
          value={filters.kind}
          onChange={(kind) => setFilters({ kind })}
          options={nameOptions(unitKindNames, lang)}
        />
        {isPlatform && (
          <FilterSelect
            allowClear
            placeholder={t("城市", "City")}
            style={{ width: 140 }}
            value={filters.city}
            onChange={(city?: string) => setFilters({ city, district: undefined })}
            options={codeOptions(cities.data, lang)}
          />
        )}
        {(!isPlatform || filters.city) && (
          <FilterSelect
            allowClear
            placeholder={t("所属县区", "District")}
            style={{ width: 180 }}
            value={filters.district}
            onChange={(district?: string) => setFilters({ district })}
            options={codeOptions(districts.data, lang)}
          />
        )}
      </Space>
      <ErrorAlert error={units.error} style={{ marginBottom: 16 }} />
      <Table<Unit>
        rowKey="id"
        data-testid="units-table"
        columns={columns}
        dataSource={units.data?.items}
        loading={units.isFetching}
        scroll={{ x: "max-content" }}
        pagination={pagination(units.data?.total)}
      />
      <UnitFormModal open={editing !== null} unit={editing?.unit} onClose={() => setEditing(null)} />
    </div>
  );
}
