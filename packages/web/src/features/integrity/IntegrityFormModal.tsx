import { integrityKindNames } from "@luoshu/domain";
import { DatePicker, Form, Input } from "antd";
import { useState } from "react";
import type { IntegrityInput } from "../../api/integrity";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { nameOptions } from "../../components/options";
import { RadioGroup } from "../../components/RadioGroup";
import { Select } from "../../components/Select";
import { useCurrentUser } from "../auth/session";
import { useCurrentPolicy } from "../policies/hooks";
import { useUnits } from "../units/hooks";
import { useCreateIntegrityRecord } from "./hooks";

const FIELDS = [
  "subject",
  "unitId",
  "personName",
  "idNumber",
  "kind",
  "fromDate",
  "untilDate",
  "reason",
  "clause",
] as const;

const initialValues: Partial<IntegrityInput> = { subject: "unit" };

interface Props {
  open: boolean;
  onClose: () => void;
}

export function IntegrityFormModal({ open, onClose }: Props) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const [keyword, setKeyword] = useState("");
  // the example citations come from the city's own policy, so the hint never names another city
  const { policy } = useCurrentPolicy(me.city?.code ?? "");
  const documentCodes = policy.data?.documents.map((d) => d.code).join(lang === "zh" ? "、" : ", ") ?? "…";
  const modal = useFormModal({
    open,
    onClose,
    mutation: useCreateIntegrityRecord(),
    toVariables: (input: IntegrityInput) => ({ ...input, untilDate: input.untilDate || null }),
    fields: FIELDS,
    successText: t("诚信记录已登记", "Integrity record saved"),
    initialValues,
  });
  const subject = Form.useWatch("subject", modal.form);
  const personName = lengthLimit(50, t);
  const reason = lengthLimit(2000, t);
  const clause = lengthLimit(100, t);
  const units = useUnits({ page: 1, pageSize: 50, keyword: keyword || undefined });

  return (
    <FormModal
      modal={modal}
      title={t("登记诚信记录", "New integrity record")}
      submitTestId="integrity-form-submit"
      formTestId="integrity-form"
    >
      <Form.Item name="subject" label={t("对象", "Subject")}>
        <RadioGroup
          data-testid="integrity-subject"
          options={[
            { value: "unit", label: t("单位", "Unit") },
            { value: "person", label: t("个人", "Person") },
          ]}
        />
      </Form.Item>
      {subject === "person" ? (
        <>
          <Form.Item
            name="personName"
            label={t("姓名", "Name")}
            rules={[{ required: true }, personName.rule]}
          >
            <Input count={personName.count} data-testid="integrity-person-name" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t("身份证号", "Resident ID number")}
            extra={t(
              "只保存其密钥摘要，用于申报时比对。",
              "Only a keyed digest is kept, to match applications.",
            )}
            rules={[{ required: true }, { len: 18, message: t("身份证号应为18位", "18 characters") }]}
          >
            <Input data-testid="integrity-id-number" />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="unitId" label={t("单位", "Unit")} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setKeyword}
            loading={units.isFetching}
            data-testid="integrity-unit"
            placeholder={t("输入单位名称搜索", "Type to search units")}
            options={units.data?.items.map((u) => ({ value: u.id, label: u.nameZh }))}
          />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t("类别", "Kind")} rules={[{ required: true }]}>
        <Select data-testid="integrity-kind" options={nameOptions(integrityKindNames, lang)} />
      </Form.Item>
      <Form.Item
        name="fromDate"
        label={t("起始日期", "From")}
        rules={[{ required: true }]}
        {...dateStringProps}
      >
        <DatePicker style={{ width: "100%" }} data-testid="integrity-from" />
      </Form.Item>
      <Form.Item
        name="untilDate"
        label={t("截止日期", "Until")}
        extra={t("留空表示长期有效。", "Empty: without end.")}
        {...dateStringProps}
      >
        <DatePicker style={{ width: "100%" }} data-testid="integrity-until" />
      </Form.Item>
      <Form.Item name="reason" label={t("事由", "Reason")} rules={[{ required: true, min: 2 }, reason.rule]}>
        <Input.TextArea rows={3} count={reason.count} data-testid="integrity-reason" />
      </Form.Item>
      <Form.Item
        name="clause"
        label={t("依据条款", "Clause")}
        rules={[{ required: true, min: 2 }, clause.rule]}
        extra={t(
          `文件代号 §条，本市政策文件：${documentCodes}`,
          `document code § clause; your city's documents: ${documentCodes}`,
        )}
      >
        <Input count={clause.count} data-testid="integrity-clause" />
      </Form.Item>
    </FormModal>
  );
}
