import { PlusOutlined } from "@ant-design/icons";
import { type Role, roleNames } from "@luoshu/domain";
import { Button, Input, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { User, UserQuery } from "../../api/users";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { nameOptions } from "../../components/options";
import { PageHeader } from "../../components/PageHeader";
import { FilterSelect } from "../../components/Select";
import { usePagedQuery } from "../../components/usePagedQuery";
import { useCurrentUser } from "../auth/session";
import { useDistrictLookup } from "../units/hooks";
import { CreateUserModal } from "./CreateUserModal";
import { useUsers } from "./hooks";
import { RolesModal } from "./RolesModal";
import { StatusCell } from "./StatusCell";

type Filters = Omit<UserQuery, "page" | "pageSize" | "withoutRoles" | "guessed">;

const tileFilters = [
  { key: "withoutRoles", zh: "待分配角色", en: "Waiting for roles" },
  { key: "guessed", zh: "近 1 小时被猜测密码", en: "Password guessed in the last hour" },
] as const;

export function UsersPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { query, filters, setFilters, pagination } = usePagedQuery<Filters>({ keyword: "" });
  const [creating, setCreating] = useState(false);
  const [grantFor, setGrantFor] = useState<User | null>(null);
  // The workspace tiles open this list narrowed to what they count (…?withoutRoles=true, ?guessed=true).
  const [params, setParams] = useSearchParams();
  const flags = tileFilters.filter((f) => params.get(f.key) === "true");
  const users = useUsers({ ...query, ...Object.fromEntries(flags.map((f) => [f.key, true])) });
  const dropFlag = (key: string) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    setParams(next, { replace: true });
  };
  const canCreate = me.permissions.includes("user.create");
  const canGrant = me.permissions.includes("role.grant");
  // the server grants status changes with user.update, so the switch follows that permission
  const canSetStatus = me.permissions.includes("user.update");
  const roleLabel = (r: Role) => pickLang(lang, roleNames[r]?.zh, roleNames[r]?.en) || r;
  const isPlatform = me.scope.kind === "platform";
  const places = useDistrictLookup(isPlatform);
  const districtName = (code: string | null) => {
    const d = code ? places.byCode.get(code) : undefined;
    return d ? pickLang(lang, d.nameZh, d.nameEn) : (code ?? "—");
  };
  const cityName = (code: string | null) => {
    const c = places.cities.find((x) => x.code === code);
    return c ? pickLang(lang, c.nameZh, c.nameEn) : (code ?? t("平台", "Platform"));
  };

  const columns: TableColumnsType<User> = [
    { title: t("用户名", "Username"), dataIndex: "username", render: (v: string) => <code>{v}</code> },
    { title: t("姓名", "Display name"), dataIndex: "displayName" },
    {
      title: t("角色", "Roles"),
      dataIndex: "roles",
      render: (rs: Role[]) =>
        rs.map((r) => (
          <Tag key={r} color="blue">
            {roleLabel(r)}
          </Tag>
        )),
    },
    ...(isPlatform ? [{ title: t("城市", "City"), dataIndex: "cityCode", render: cityName }] : []),
    { title: t("所属单位", "Unit"), dataIndex: "unitNameZh", render: (v: string | null) => v ?? "—" },
    { title: t("县区", "District"), dataIndex: "districtCode", render: districtName },
    {
      title: t("身份证号", "ID number"),
      dataIndex: "idNumberMasked",
      render: (v: string | null) => (v ? <code>{v}</code> : "—"),
    },
    {
      title: t("状态", "Status"),
      key: "status",
      render: (_, user) => <StatusCell user={user} editable={canSetStatus && user.id !== me.id} />,
    },
  ];
  if (canGrant) {
    columns.push({
      title: t("操作", "Actions"),
      key: "actions",
      render: (_, user) => (
        <Button
          type="link"
          size="small"
          onClick={() => setGrantFor(user)}
          data-testid={`user-roles-${user.username}`}
        >
          {t("分配角色", "Assign roles")}
        </Button>
      ),
    });
  }

  return (
    <div data-testid="page-users">
      <PageHeader
        title={t("用户管理", "Users")}
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="user-create"
            >
              {t("新建用户", "New user")}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t("用户名或姓名", "Username or name")}
          onSearch={(keyword) => setFilters({ keyword })}
          style={{ width: 260 }}
          data-testid="users-search"
        />
        <FilterSelect
          allowClear
          placeholder={t("角色", "Role")}
          style={{ width: 220 }}
          value={filters.role}
          onChange={(role) => setFilters({ role })}
          options={nameOptions(roleNames, lang)}
        />
        {flags.map((f) => (
          <Tag key={f.key} closable onClose={() => dropFlag(f.key)} data-testid={`users-filter-${f.key}`}>
            {pickLang(lang, f.zh, f.en)}
          </Tag>
        ))}
      </Space>
      <ErrorAlert error={users.error} style={{ marginBottom: 16 }} />
      <Table<User>
        rowKey="id"
        data-testid="users-table"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        scroll={{ x: "max-content" }}
        pagination={pagination(users.data?.total)}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <RolesModal user={grantFor} onClose={() => setGrantFor(null)} />
    </div>
  );
}
