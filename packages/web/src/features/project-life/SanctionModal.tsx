import { type SanctionAuthority, type SanctionKind, sanctionLasts } from "@luoshu/domain";
import { Alert, DatePicker, Form } from "antd";
import { useMemo } from "react";
import type { ProjectDetail } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { RadioGroup } from "../../components/RadioGroup";
import { Select } from "../../components/Select";
import { useCurrentUser } from "../auth/session";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { sourceText } from "../execution/labels";
import { CitedLabel, TextField } from "./fields";
import { useImposeSanction } from "./hooks";
import { authorityRoles, sanctionAuthorityNames, sanctionKindNames } from "./labels";
import { sanctionConsequence } from "./sanctionText";

interface Values {
  kind: SanctionKind;
  authority: SanctionAuthority;
  fromDate: string;
  untilDate?: string;
  reason: string;
}

/**
 * 采取处理措施 (LY-FUNDS §25): the measure, the authority the caller speaks for, its days and reason,
 * among what the city's policy allows. Nothing is chosen for the officer; the dialog says what the
 * chosen measure will do, and the confirmation says it again before it is taken.
 */
export function SanctionModal({
  project: p,
  open,
  initialReason,
  onClose,
}: {
  project: ProjectDetail;
  open: boolean;
  /** The finding the measure answers, when opened from an inspection. */
  initialReason?: string | undefined;
  onClose: () => void;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const rules = p.life.rules;
  const authorities = rules.sanctionAuthorities.filter((a) => me.roles.includes(authorityRoles[a]));
  const state = useFormModal({
    open,
    onClose,
    mutation: useImposeSanction(p.id),
    toVariables: (v: Values) => ({
      kind: v.kind,
      authority: v.authority,
      fromDate: v.fromDate,
      untilDate: sanctionLasts(v.kind) && v.untilDate ? v.untilDate : null,
      reason: v.reason.trim(),
    }),
    fields: ["kind", "authority", "fromDate", "untilDate", "reason"],
    successText: t("已采取处理措施", "Sanction imposed"),
    initialValues: useMemo(
      () => (initialReason === undefined ? undefined : { reason: initialReason }),
      [initialReason],
    ),
  });
  const kind = Form.useWatch("kind", state.form);
  const fromDate = Form.useWatch("fromDate", state.form);
  const untilDate = Form.useWatch("untilDate", state.form);
  const lasting = kind !== undefined && sanctionLasts(kind);
  const clause = sourceText(rules.sanctionSource, lang);
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t(
        `${sanctionAuthorityNames[v.authority].zh}对项目 ${p.number} 采取“${sanctionKindNames[v.kind].zh}”？`,
        `${sanctionKindNames[v.kind].en} on project ${p.number} by the ${sanctionAuthorityNames[v.authority].en}?`,
      ),
      content: t(
        `${sanctionConsequence(p, v.kind, v.fromDate, lasting ? v.untilDate : undefined, lang, t)}依据：${clause}。此操作记入审计日志。`,
        `${sanctionConsequence(p, v.kind, v.fromDate, lasting ? v.untilDate : undefined, lang, t)} Rule: ${clause}. The action is audited.`,
      ),
      okText: t(`采取${sanctionKindNames[v.kind].zh}`, `Impose: ${sanctionKindNames[v.kind].en}`),
      testId: "sanction-confirm",
      danger: true,
    }),
  );

  return (
    <FormModal
      modal={modal}
      title={t("采取处理措施", "Impose a sanction")}
      okText={t("下一步", "Next")}
      submitTestId="sanction-submit"
      formTestId="sanction-form"
    >
      <Form.Item
        name="kind"
        label={<CitedLabel text={t("处理措施", "Measure")} source={rules.sanctionSource} />}
        rules={[{ required: true, message: t("请选择处理措施", "Choose a measure") }]}
      >
        <Select
          data-testid="sanction-kind-select"
          placeholder={t("请选择", "Choose")}
          // a project at 结题 has nothing left to terminate
          options={rules.sanctionKinds
            .filter((k) => k !== "termination" || p.stage !== "closed")
            .map((k) => ({ value: k, label: sanctionKindNames[k][lang] }))}
        />
      </Form.Item>
      {kind && (
        <Alert
          type={kind === "termination" || kind === "paymentSuspension" ? "error" : "warning"}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="sanction-consequence"
          message={sanctionConsequence(p, kind, fromDate, lasting ? untilDate : undefined, lang, t)}
        />
      )}
      <Form.Item
        name="authority"
        label={<CitedLabel text={t("作出机关", "Authority")} source={rules.sanctionSource} />}
        rules={[{ required: true, message: t("请选择作出机关", "Choose the authority") }]}
        extra={t("只能以您所属机关的名义作出。", "Only in the name of your own authority.")}
      >
        <RadioGroup
          data-testid="sanction-authority"
          options={authorities.map((a) => ({ value: a, label: sanctionAuthorityNames[a][lang] }))}
        />
      </Form.Item>
      <Form.Item
        name="fromDate"
        label={lasting ? t("起始日期", "From") : t("作出日期", "Date")}
        rules={[{ required: true, message: t("请选择日期", "Choose a date") }]}
        {...dateStringProps}
      >
        <DatePicker style={{ width: "100%" }} data-testid="sanction-from" />
      </Form.Item>
      {lasting && (
        <Form.Item
          name="untilDate"
          label={t("截止日期（可选）", "Until (optional)")}
          extra={t("留空表示直至作出解除决定。", "Empty: until lifted by a decision.")}
          dependencies={["fromDate"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) => {
                const from = getFieldValue("fromDate") as string | undefined;
                return v && from && v < from
                  ? Promise.reject(new Error(t("截止日期不得早于起始日期", "Not before the first day")))
                  : Promise.resolve();
              },
            }),
          ]}
          {...dateStringProps}
        >
          <DatePicker style={{ width: "100%" }} data-testid="sanction-until" />
        </Form.Item>
      )}
      <TextField name="reason" label={t("事由", "Reason")} min={10} max={4000} testId="sanction-reason" />
    </FormModal>
  );
}
