import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Select, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import type { Unit, UnitKind } from "../../api/types";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDate } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { useCities, useDistricts, useUnits } from "./hooks";
import { UnitFormModal } from "./UnitFormModal";
import { unitKindNames } from "./unitKinds";

export function UnitsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [keyword, setKeyword] = useState("");
  const [kind, setKind] = useState<UnitKind>();
  const [district, setDistrict] = useState<string>();
  const [city, setCity] = useState<string>();
  const [editing, setEditing] = useState<{ unit?: Unit } | null>(null);
  const isPlatform = me.scope.kind === "platform";
  const units = useUnits({ page, pageSize, keyword, kind, district, city });
  const cities = useCities(isPlatform);
  const districts = useDistricts(city, !isPlatform || Boolean(city));
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
    { title: t("所属县区", "District"), dataIndex: "districtNameZh" },
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

  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

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
          onSearch={resetPage(setKeyword)}
          style={{ width: 260 }}
          data-testid="units-search"
        />
        <Select
          allowClear
          placeholder={t("单位类型", "Kind")}
          style={{ width: 180 }}
          value={kind}
          onChange={resetPage(setKind)}
          options={Object.entries(unitKindNames).map(([value, n]) => ({
            value,
            label: pickLang(lang, n.zh, n.en),
          }))}
        />
        {isPlatform && (
          <Select
            allowClear
            placeholder={t("城市", "City")}
            style={{ width: 140 }}
            value={city}
            onChange={(v?: string) => {
              setDistrict(undefined);
              resetPage(setCity)(v);
            }}
            options={cities.data?.map((c) => ({ value: c.code, label: pickLang(lang, c.nameZh, c.nameEn) }))}
          />
        )}
        {(!isPlatform || city) && (
          <Select
            allowClear
            placeholder={t("所属县区", "District")}
            style={{ width: 180 }}
            value={district}
            onChange={resetPage(setDistrict)}
            options={districts.data?.map((d) => ({
              value: d.code,
              label: pickLang(lang, d.nameZh, d.nameEn),
            }))}
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
        pagination={{
          current: page,
          pageSize,
          total: units.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t(`共 ${n} 条`, `${n} in total`),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
      <UnitFormModal open={editing !== null} unit={editing?.unit} onClose={() => setEditing(null)} />
    </div>
  );
}
