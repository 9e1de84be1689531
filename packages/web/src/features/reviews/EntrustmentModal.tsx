import { Alert, Col, DatePicker, Form, Input, Row } from "antd";
import type { ReviewableCall } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { Select } from "../../components/Select";
import { useCreateEntrustment } from "./hooks";

interface Values {
  agencyName: string;
  callIds: string[];
  periodFrom: string;
  periodUntil: string;
  scope: string;
}

const fields = ["agencyName", "callIds", "periodFrom", "periodUntil", "scope"] as const;

/**
 * 登记委托: the bureau records that a third-party agency organises the review of some calls for a
 * period; only the calls the policy has reviewed by an entrusted agency are offered.
 */
export function EntrustmentModal({
  open,
  calls,
  onClose,
}: {
  open: boolean;
  calls: readonly ReviewableCall[];
  onClose: () => void;
}) {
  const { t } = useLocale();
  const modal = useFormModal({
    open,
    onClose,
    mutation: useCreateEntrustment(),
    toVariables: (v: Values) => ({
      agencyName: v.agencyName.trim(),
      callIds: v.callIds,
      periodFrom: v.periodFrom,
      periodUntil: v.periodUntil,
      scope: v.scope.trim(),
    }),
    fields,
    successText: t("委托已登记", "Entrustment recorded"),
  });
  const agency = lengthLimit(200, t);
  const scope = lengthLimit(1000, t);
  const options = calls
    .filter((c) => c.organiser === "entrustedAgency")
    .map((c) => ({ value: c.callId, label: `${c.guideTitle} · ${c.callName}` }));

  return (
    <FormModal
      modal={modal}
      title={t("登记委托第三方机构评审", "Record an entrustment of review")}
      submitTestId="entrustment-confirm"
      formTestId="entrustment-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          "登记后，受托机构的人员可在委托期限内为所选批次建立并组织专家评审，市科技局可查看进度。此操作记入审计日志。",
          "Once recorded, the agency's officers organise the expert review of the chosen calls within the period, and the bureau watches its progress. The action is audited.",
        )}
      />
      <Form.Item
        name="agencyName"
        label={t("受托机构名称", "Agency")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, agency.rule]}
      >
        <Input count={agency.count} data-testid="entrustment-agency" />
      </Form.Item>
      <Form.Item
        name="callIds"
        label={t("委托评审的批次", "Calls")}
        extra={
          options.length === 0
            ? t(
                "没有按政策须委托第三方机构评审的批次。",
                "No call is to be reviewed by an entrusted agency under the policy.",
              )
            : t(
                "仅列出按政策须委托第三方机构组织评审的批次。",
                "Only calls the policy has reviewed by an entrusted agency are listed.",
              )
        }
        rules={[{ required: true, type: "array", min: 1 }]}
      >
        <Select mode="multiple" optionFilterProp="label" options={options} data-testid="entrustment-calls" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="periodFrom"
            label={t("委托开始日期", "From")}
            rules={[{ required: true }]}
            {...dateStringProps}
          >
            <DatePicker style={{ width: "100%" }} data-testid="entrustment-from" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="periodUntil"
            label={t("委托截止日期", "Until")}
            dependencies={["periodFrom"]}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, until: string) => {
                  const from = getFieldValue("periodFrom") as string | undefined;
                  return !until || !from || from <= until
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(t("截止日期不能早于开始日期", "Must not be before the start")),
                      );
                },
              }),
            ]}
            {...dateStringProps}
          >
            <DatePicker style={{ width: "100%" }} data-testid="entrustment-until" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="scope"
        label={t("委托事项", "Scope")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, scope.rule]}
      >
        <Input.TextArea rows={3} count={scope.count} data-testid="entrustment-scope" />
      </Form.Item>
    </FormModal>
  );
}
