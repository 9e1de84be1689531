import { targetKindNames } from "@luoshu/domain";
import { Card, Descriptions, Space, Table, Typography } from "antd";
import type { ReviewWork } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { fieldLabel } from "../applications/fieldLabels";

type App = ReviewWork["application"];

/** The form's order (the stored JSON keeps none); fields not listed follow, empty ones are left out. */
const basicOrder = ["abstract", "keywords", "field", "startDate", "endDate"];
const contentOrder = ["background", "objectives", "researchContent", "technicalRoute", "innovation", "basis"];

function inOrder(record: Record<string, string>, order: readonly string[]): [string, string][] {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.entries(record)
    .filter(([, v]) => typeof v === "string" && v.trim().length > 0)
    .sort(([x], [y]) => rank(x) - rank(y));
}

/**
 * The application as its expert reads it: the content in full, personal data masked (ID numbers
 * show only their ends), nothing of the other experts.
 */
export function MaskedApplication({ application: a }: { application: App }) {
  const { lang, t } = useLocale();
  const kindName = (k: string) => targetKindNames[k as keyof typeof targetKindNames]?.[lang] ?? k;
  const roleName = (r: string) =>
    r === "pi" ? t("项目负责人", "PI") : r === "member" ? t("成员", "Member") : r;
  const basic = inOrder(a.basic, basicOrder).filter(([k]) => k !== "title");
  const content = inOrder(a.content, contentOrder);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="review-application">
      <Card size="small" title={t("基本信息", "Basic information")}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "number", label: t("申报编号", "Number"), children: <code>{a.number}</code> },
            { key: "title", label: t("项目名称", "Title"), children: a.title },
            { key: "unit", label: t("申报单位", "Unit"), children: a.unitName },
            { key: "requested", label: t("申请财政资金", "Requested"), children: wan(a.requestedFen, lang) },
            ...basic.map(([k, v]) => ({
              key: `basic-${k}`,
              label: fieldLabel(k, lang),
              children: <span style={{ whiteSpace: "pre-wrap" }}>{v}</span>,
            })),
          ]}
        />
      </Card>
      {content.length > 0 && (
        <Card size="small" title={t("研究内容", "Research content")}>
          {content.map(([k, v]) => (
            <div key={k} style={{ marginBottom: 12 }} data-testid={`review-content-${k}`}>
              <Typography.Text strong>{fieldLabel(k, lang)}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                {v}
              </Typography.Paragraph>
            </div>
          ))}
        </Card>
      )}
      <Card size="small" title={t("考核指标", "Targets")}>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={a.targets}
          scroll={{ x: "max-content" }}
          columns={[
            { title: t("类型", "Kind"), dataIndex: "kind", render: kindName },
            { title: t("内容", "Description"), dataIndex: "description" },
            {
              title: t("数量", "Value"),
              key: "value",
              align: "right",
              render: (_, x) => `${x.value} ${x.unit}`,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("项目团队", "Team")}>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={a.team}
          scroll={{ x: "max-content" }}
          data-testid="review-team"
          columns={[
            { title: t("姓名", "Name"), dataIndex: "name" },
            { title: t("角色", "Role"), dataIndex: "role", render: roleName },
            { title: t("职称", "Title"), dataIndex: "title" },
            {
              title: t("身份证号（已脱敏）", "ID number (masked)"),
              dataIndex: "idNumberMasked",
              render: (v: string | null) => <code>{v ?? "—"}</code>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("合作单位", "Partners")}>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={a.partners}
          scroll={{ x: "max-content" }}
          columns={[
            { title: t("单位名称", "Name"), dataIndex: "name" },
            { title: t("分工", "Role"), dataIndex: "role" },
          ]}
        />
      </Card>
    </Space>
  );
}
