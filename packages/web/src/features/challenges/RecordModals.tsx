import type { UseMutationResult } from "@tanstack/react-query";
import { Alert, DatePicker, Form, Input } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import type { Challenge, ChallengeBid } from "../../api/challenges";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { type Act, useConfirmAct, withConfirmation } from "../decisions/confirm";
import { cited } from "./CityDecisionSteps";
import { useChallengeEvent, useRecordNegotiation } from "./hooks";
import { challengeActionNames } from "./labels";

interface Values {
  text: string;
  date: string;
}

interface Spec<Vars> {
  open: boolean;
  onClose: () => void;
  mutation: UseMutationResult<unknown, Error, Vars>;
  toVariables: (v: Values) => Vars;
  title: string;
  intro: ReactNode;
  text: { label: string; testId: string; min: number; max: number; multiline: boolean };
  date: { label: string; testId: string };
  successText: string;
  confirm: (v: Values) => Act;
  submitTestId: string;
}

/**
 * A record with a date, kept on the file once confirmed: the negotiation, the city government's
 * approval, the tripartite agreement.
 */
function DatedRecordModal<Vars>(spec: Spec<Vars>) {
  const { t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: spec.open,
    onClose: spec.onClose,
    mutation: spec.mutation,
    toVariables: spec.toVariables,
    // the server's field names differ from the form's: its error shows above the form
    fields: [],
    successText: spec.successText,
  });
  const modal = withConfirmation(state, (v) => confirmAct(spec.confirm(v)));
  const limit = lengthLimit(spec.text.max, t);

  return (
    <FormModal modal={modal} title={spec.title} okText={t("下一步", "Next")} submitTestId={spec.submitTestId}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={spec.intro} />
      <Form.Item
        name="text"
        label={spec.text.label}
        rules={[{ required: true, whitespace: true }, { min: spec.text.min, transform: trimmed }, limit.rule]}
      >
        {spec.text.multiline ? (
          <Input.TextArea rows={5} count={limit.count} data-testid={spec.text.testId} />
        ) : (
          <Input count={limit.count} data-testid={spec.text.testId} />
        )}
      </Form.Item>
      <Form.Item name="date" label={spec.date.label} rules={[{ required: true }]} {...dateStringProps}>
        <DatePicker
          style={{ width: "100%" }}
          disabledDate={(d) => d.isAfter(dayjs(), "day")}
          data-testid={spec.date.testId}
        />
      </Form.Item>
    </FormModal>
  );
}

/** 揭榜磋商: what the bidder and the demand side agreed, and the date of their preliminary agreement. */
export function NegotiationModal({
  target,
  onClose,
}: {
  target: { challenge: Challenge; bid: ChallengeBid } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const bid = target?.bid;
  return (
    <DatedRecordModal
      open={target !== null}
      onClose={onClose}
      mutation={useRecordNegotiation()}
      toVariables={(v) => ({
        id: target?.challenge.id ?? "",
        bidId: bid?.id ?? "",
        record: v.text.trim(),
        agreementSignedOn: v.date,
      })}
      title={t(`记录揭榜磋商：${bid?.unitName ?? ""}`, `Record the negotiation: ${bid?.unitName ?? ""}`)}
      intro={t(
        "记录揭榜方与需求方的磋商情况及双方签署的初步合作协议；只有完成磋商的揭榜方可列入拟中榜名单。",
        "Record how the bidder and the demand side negotiated and when they signed the preliminary cooperation agreement; only negotiated bidders may be shortlisted.",
      )}
      text={{
        label: t("磋商记录", "Negotiation record"),
        testId: "negotiation-record",
        min: 10,
        max: 4000,
        multiline: true,
      }}
      date={{
        label: t("初步合作协议签署日期", "Preliminary agreement signed on"),
        testId: "negotiation-date",
      }}
      successText={t("磋商记录已保存", "Negotiation recorded")}
      submitTestId="negotiation-submit"
      confirm={(v) => ({
        title: t("保存磋商记录？", "Save the negotiation record?"),
        content: t(
          `${bid?.unitName ?? ""}的磋商记录及初步合作协议（${v.date} 签署）记入档案和审计日志；该揭榜方随后可列入拟中榜名单。`,
          `The negotiation of ${bid?.unitName ?? ""} and its preliminary agreement (signed ${v.date}) go on file and in the audit log; the bidder may then be shortlisted.`,
        ),
        okText: challengeActionNames.recordNegotiation[lang],
        testId: "challenge-recordNegotiation-confirm",
      })}
    />
  );
}

/** 三方协议: the demand side, the bidder and the bureau, signed after the notice. */
export function AgreementModal({
  challenge: c,
  onClose,
}: {
  challenge: Challenge | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  return (
    <DatedRecordModal
      open={c !== null}
      onClose={onClose}
      mutation={useChallengeEvent()}
      toVariables={(v) => ({
        id: c?.id ?? "",
        event: "recordAgreement" as const,
        body: { signedOn: v.date, docNumber: v.text.trim() },
      })}
      title={t("登记三方协议", "Record the tripartite agreement")}
      intro={t(
        "需求方、揭榜方与市科技局签订三方协议后登记其编号和签订日期；登记后由局领导发布中榜公告。",
        "Once the demand side, the bidder and the bureau have signed, record the agreement's number and date; the bureau leader then announces the award.",
      )}
      text={{
        label: t("协议编号", "Agreement number"),
        testId: "agreement-doc-number",
        min: 2,
        max: 100,
        multiline: false,
      }}
      date={{ label: t("签订日期", "Signed on"), testId: "agreement-signed-on" }}
      successText={t("三方协议已登记", "Agreement recorded")}
      submitTestId="challenge-recordAgreement-submit"
      confirm={(v) => ({
        title: t("登记三方协议？", "Record the tripartite agreement?"),
        content: t(
          `三方协议（编号 ${v.text.trim()}，${v.date} 签订）记入档案和审计日志，不能修改；随后由局领导发布中榜公告。`,
          `The agreement (no. ${v.text.trim()}, signed ${v.date}) goes on file and in the audit log and cannot be changed; the bureau leader announces the award next.`,
        ),
        okText: challengeActionNames.recordAgreement[lang],
        testId: "challenge-recordAgreement-confirm",
      })}
    />
  );
}

/**
 * 市政府批准 (LY-REFORM §三(二)1): where the city's policy has the city government approve the
 * program's plan, its date and document number are recorded after the shortlist; only then may the
 * shortlist go on public notice.
 */
export function CityGovernmentModal({
  challenge: c,
  onClose,
}: {
  challenge: Challenge | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const source = c?.steps.cityGovernment ?? null;
  return (
    <DatedRecordModal
      open={c !== null}
      onClose={onClose}
      mutation={useChallengeEvent()}
      toVariables={(v) => ({
        id: c?.id ?? "",
        event: "recordCityGovernment" as const,
        body: { approvedOn: v.date, docNumber: v.text.trim() },
      })}
      title={t("录入市政府批准", "Record the city government's approval")}
      intro={cited(
        t(
          "本计划类别的拟中榜名单须经市政府批准后方可公示",
          "This program's shortlist goes on public notice only once the city government has approved it",
        ),
        source,
        t(
          "。请按市政府批准文件录入文号和批准日期。",
          ". Record the document number and date of the city government's approval.",
        ),
      )}
      text={{
        label: t("批准文件文号", "Document number"),
        testId: "cityGovernment-doc-number",
        min: 2,
        max: 100,
        multiline: false,
      }}
      date={{ label: t("市政府批准日期", "Approved on"), testId: "cityGovernment-approved-on" }}
      successText={t("已录入市政府批准", "City government's approval recorded")}
      submitTestId="challenge-recordCityGovernment-submit"
      confirm={(v) => ({
        title: t("录入市政府批准？", "Record the city government's approval?"),
        content: cited(
          t("录入后方可公示拟中榜名单", "The shortlist may then go on public notice"),
          source,
          t(
            `。市政府批准（文号 ${v.text.trim()}，${v.date} 批准）记入档案和审计日志，不能修改。`,
            `. The approval (no. ${v.text.trim()}, approved ${v.date}) goes on file and in the audit log and cannot be changed.`,
          ),
        ),
        okText: challengeActionNames.recordCityGovernment[lang],
        testId: "challenge-recordCityGovernment-confirm",
      })}
    />
  );
}
