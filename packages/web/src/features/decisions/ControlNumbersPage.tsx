import { PlusOutlined } from "@ant-design/icons";
import { Button, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import type { ControlNumber } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { Citation } from "../reviews/HorseRaceModal";
import { ControlNumberModal } from "./ControlNumberModal";
import { useControlNumbers } from "./hooks";

/** 预算控制数: the finance bureau's figure per year, what issued projects have committed, and what is left. */
export function ControlNumbersPage() {
  const { lang, t } = useLocale();
  const numbers = useControlNumbers();
  const [setting, setSetting] = useState(false);
  const rows = [...(numbers.data ?? [])].sort((a, b) => b.year - a.year);

  const columns: TableColumnsType<ControlNumber> = [
    { title: t("年度", "Year"), dataIndex: "year" },
    {
      title: t("控制数", "Control number"),
      dataIndex: "amountFen",
      align: "right",
      render: (f: number) => wan(f, lang),
    },
    { title: t("文件文号", "Document"), dataIndex: "docNumber" },
    {
      title: t("已安排", "Committed"),
      dataIndex: "committedFen",
      align: "right",
      render: (f: number) => wan(f, lang),
    },
    {
      title: t("剩余", "Remaining"),
      key: "remaining",
      align: "right",
      render: (_, c) => {
        const left = c.amountFen - c.committedFen;
        return left < 0 ? (
          <Typography.Text type="danger">{wan(left, lang)}</Typography.Text>
        ) : (
          wan(left, lang)
        );
      },
    },
    { title: t("依据", "Source"), key: "source", render: (_, c) => <Citation source={c.source} /> },
    { title: t("设定时间", "Set at"), dataIndex: "setAt", render: (v: string) => formatDateTime(v) },
  ];

  return (
    <div data-testid="page-control-numbers">
      <PageHeader
        title={t("预算控制数", "Budget control numbers")}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setSetting(true)}
            data-testid="control-number-set"
          >
            {t("设定控制数", "Set a control number")}
          </Button>
        }
      />
      <ErrorAlert error={numbers.error} style={{ marginBottom: 16 }} />
      <Table<ControlNumber>
        rowKey="year"
        data-testid="control-numbers-table"
        columns={columns}
        dataSource={rows}
        loading={numbers.isFetching}
        scroll={{ x: "max-content" }}
        pagination={false}
        locale={{ emptyText: t("尚未设定任何年度的控制数", "No year has a control number yet") }}
      />
      <ControlNumberModal open={setting} existing={rows} onClose={() => setSetting(false)} />
    </div>
  );
}
