import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Form, Input, Row, Space, Typography } from "antd";
import { useMemo } from "react";
import type {
  SubsidyUseEvent,
  SubsidyUsePayment,
  SubsidyUseReport,
  SubsidyUseRules,
} from "../../api/subsidyUse";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { yuan } from "../../components/money";
import { Select } from "../../components/Select";
import { YuanInput, yuanRule } from "../../components/yuan";
import { parseYuan } from "../budget/parseYuan";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "../project-life/fields";
import { useDecideSubsidyUse, useFileSubsidyUse } from "./subsidyUseHooks";

interface UseRow {
  purpose?: string;
  amountYuan?: string;
  description?: string;
}
interface FileValues {
  uses: UseRow[];
}

const citationText = (c: { clause?: string; setting?: "city" }, t: (zh: string, en: string) => string) =>
  c.clause ?? t("本市设定", "city setting");
/** Whole fen as the 元 text the form takes back, exactly: 123456 → "1234.56". */
const yuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
const fenOf = (text: string | undefined) => {
  const p = parseYuan(text ?? "");
  return p.ok ? (p.fen ?? 0) : 0;
};

/**
 * 报告后补助资金使用情况 (LY-FUNDS §20): the unit lists its uses, each a purpose from the city's list,
 * the amount in 元 (sent as exact fen) and what it paid for. A forbidden purpose may be reported (the
 * report is the unit's truthful account), but the dialog says before submitting that the clause
 * forbids it and the bureau will follow it up.
 */
export function FileSubsidyUseModal({
  project,
  rules,
  payment,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  rules: SubsidyUseRules;
  payment: SubsidyUsePayment | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const descriptionLimit = lengthLimit(2000, t);
  const returned = payment?.report ?? null;
  const initialValues = useMemo<FileValues>(
    () => ({
      uses: returned
        ? returned.uses.map((u) => ({
            purpose: u.purpose,
            amountYuan: yuanText(u.amountFen),
            description: u.description,
          }))
        : [{}],
    }),
    [returned],
  );
  const state = useFormModal({
    open: payment !== null,
    onClose,
    mutation: useFileSubsidyUse(project.id),
    toVariables: (v: FileValues) => ({
      paymentId: payment?.paymentId ?? "",
      uses: v.uses.map((u) => ({
        purpose: u.purpose ?? "",
        amountFen: fenOf(u.amountYuan),
        description: (u.description ?? "").trim(),
      })),
    }),
    fields: ["uses"],
    successText: t("已提交使用报告", "Use report filed"),
    initialValues,
  });
  const byCode = new Map(rules.purposes.map((p) => [p.code, p]));
  const watched = (Form.useWatch("uses", state.form) ?? []) as UseRow[];
  const forbiddenPicked = watched
    .map((u) => (u?.purpose ? byCode.get(u.purpose) : undefined))
    .filter((p): p is SubsidyUseRules["purposes"][number] => !!p?.forbidden);
  const totalFen = watched.reduce((s, u) => s + fenOf(u?.amountYuan), 0);
  const paidFen = payment?.amountFen ?? 0;
  const options = rules.purposes.map((p) => ({
    value: p.code,
    label: p.forbidden
      ? `${pickLang(lang, p.nameZh, p.nameEn)}（${t("禁止", "forbidden")} · ${citationText(p.citation, t)}）`
      : pickLang(lang, p.nameZh, p.nameEn),
  }));
  const modal = withConfirmation(state, (v) => {
    const total = v.uses.reduce((s, u) => s + fenOf(u.amountYuan), 0);
    const flagged = v.uses.filter((u) => u.purpose && byCode.get(u.purpose)?.forbidden).length;
    return confirmAct({
      title: t("提交后补助资金使用报告？", "File the post-subsidy use report?"),
      content: t(
        `项目 ${project.number}“${project.title}”：${v.uses.length} 项用途，合计 ${yuan(total)}（已拨付 ${yuan(paidFen)}）。提交后由市科技局确认，确认前不能修改。${flagged > 0 ? `其中 ${flagged} 项为 LY-FUNDS §20 禁止列支的用途，将被标注并由市科技局依规处理（如追回资金、采取处理措施）。` : ""}此操作记入审计日志。`,
        `Project ${project.number} "${project.title}": ${v.uses.length} use(s), ${yuan(total)} in all (${yuan(paidFen)} paid). The bureau acknowledges it; it cannot be changed before then. ${flagged > 0 ? `${flagged} use(s) are forbidden by LY-FUNDS §20: they are flagged and the bureau follows them up (recovery, a sanction). ` : ""}The report is audited.`,
      ),
      okText: t("提交报告", "File the report"),
      testId: "subsidy-use-file-confirm",
      danger: flagged > 0,
    });
  });
  return (
    <FormModal
      modal={modal}
      title={t("报告后补助资金使用情况", "Report the use of the post-subsidy")}
      okText={t("下一步", "Next")}
      submitTestId="subsidy-use-file-submit"
      formTestId="subsidy-use-file-form"
      width={860}
    >
      <Typography.Paragraph type="secondary">
        {t(
          `已拨付 ${yuan(paidFen)}。项目承担单位自主安排用于与科技创新相关的活动，各项用途合计不得超过已拨付金额。`,
          `${yuan(paidFen)} paid. The unit uses it for S&T innovation activities as it decides; the uses may not add up to more than was paid.`,
        )}{" "}
        <ClauseTag clause={citationText(rules.citation, t)} testId="subsidy-use-clause" />
      </Typography.Paragraph>
      <Form.List
        name="uses"
        rules={[
          {
            validator: async (_, v: UseRow[] | undefined) => {
              if (!v || v.length === 0) throw new Error(t("请至少填写一项用途", "Add at least one use"));
              const total = v.reduce((s, u) => s + fenOf(u?.amountYuan), 0);
              if (total > paidFen)
                throw new Error(
                  t(
                    `各项合计 ${yuan(total)}，超过已拨付的 ${yuan(paidFen)}`,
                    `The uses add up to ${yuan(total)}, more than the ${yuan(paidFen)} paid`,
                  ),
                );
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8} align="top" wrap={false} data-testid={`subsidy-use-row-${i}`}>
                <Col flex="240px">
                  <Form.Item
                    name={[f.name, "purpose"]}
                    label={t("用途", "Purpose")}
                    rules={[{ required: true, message: t("请选择用途", "Choose the purpose") }]}
                  >
                    <Select<string>
                      options={options}
                      placeholder={t("选择用途", "Choose")}
                      data-testid={`subsidy-use-purpose-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="160px">
                  <Form.Item
                    name={[f.name, "amountYuan"]}
                    label={t("金额", "Amount")}
                    rules={[
                      { required: true, whitespace: true, message: t("请填写金额", "Enter the amount") },
                      yuanRule(lang),
                      {
                        validator: async (_, v: string | undefined) => {
                          const p = parseYuan(v ?? "");
                          if (p.ok && p.fen !== undefined && p.fen <= 0)
                            throw new Error(t("金额须大于零", "The amount is above zero"));
                        },
                      },
                    ]}
                  >
                    <YuanInput data-testid={`subsidy-use-amount-${i}`} />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item
                    name={[f.name, "description"]}
                    label={t("具体内容", "What it paid for")}
                    rules={[
                      { required: true, whitespace: true, message: t("请填写", "Required") },
                      { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
                      descriptionLimit.rule,
                    ]}
                  >
                    <Input
                      count={descriptionLimit.count}
                      autoComplete="off"
                      data-testid={`subsidy-use-description-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="40px" style={{ paddingTop: 30 }}>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t(`删除第 ${i + 1} 项`, `Remove use ${i + 1}`)}
                    disabled={fields.length === 1}
                    onClick={() => remove(f.name)}
                    data-testid={`subsidy-use-remove-${i}`}
                  />
                </Col>
              </Row>
            ))}
            <Space style={{ marginBottom: 16 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="subsidy-use-add">
                {t("添加用途", "Add a use")}
              </Button>
              <Typography.Text data-testid="subsidy-use-total">
                {t(`合计 ${yuan(totalFen)}`, `${yuan(totalFen)} in all`)}
              </Typography.Text>
            </Space>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      {forbiddenPicked.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="subsidy-use-forbidden-warning"
          message={t(
            `所选用途中有 ${forbiddenPicked.length} 项为禁止列支的支出：${forbiddenPicked.map((p) => p.nameZh).join("、")}`,
            `${forbiddenPicked.length} of the uses chosen are forbidden: ${forbiddenPicked.map((p) => p.nameEn).join(", ")}`,
          )}
          description={
            <Space direction="vertical" size={4}>
              <span>
                {t(
                  "以事后补助支持的项目资金不得用于支付各种罚款、捐款、赞助、投资、偿还债务等支出，不得用于编制内在职人员工资性支出和离退休人员离退休费，以及国家规定禁止列支的其他支出。",
                  "A post-subsidy may not pay fines, donations, sponsorship, investment or debts, wages of staff on the establishment, retirees' pensions, or other spending the state forbids.",
                )}{" "}
                <ClauseTag clause={citationText(forbiddenPicked[0]?.citation ?? rules.citation, t)} />
              </span>
              <span>
                {t(
                  "如实际发生请如实报告：报告将被标注，由市科技局依规处理（如追回资金、采取处理措施）。",
                  "If the money was spent so, report it as it was: the report is flagged and the bureau follows it up (recovery, a sanction).",
                )}
              </span>
            </Space>
          }
        />
      )}
    </FormModal>
  );
}

interface DecideValues {
  note: string;
}

/** What the decision does, said in the dialog and again in its confirmation. */
const decisionConsequence = (
  event: SubsidyUseEvent,
  flagged: number,
  t: (zh: string, en: string) => string,
) =>
  event === "return"
    ? t("退回后由单位更正后重新报告。", "Returned, the unit corrects the report and files it again.")
    : flagged > 0
      ? t(
          `报告含 ${flagged} 项禁止列支的用途：确认仅表示已审阅，不表示认可该用途，须写明后续处理（如追回资金、采取处理措施）。`,
          `The report has ${flagged} forbidden use(s): acknowledging records that it was read, not that the use is allowed; write what follows (recovery, a sanction).`,
        )
      : t(
          "确认后报告归档，单位不能再修改。",
          "Acknowledged, the report is filed and the unit can no longer change it.",
        );

const eventNames = {
  acknowledge: { zh: "确认", en: "Acknowledge" },
  return: { zh: "退回修改", en: "Return" },
} as const;

/**
 * The bureau acknowledges a use report or returns it with what to correct: the decision is the button
 * pressed; a flagged report is acknowledged only with a note of what follows.
 */
export function DecideSubsidyUseModal({
  project,
  rules,
  decision,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  rules: SubsidyUseRules;
  decision: { report: SubsidyUseReport; event: SubsidyUseEvent } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const event = decision?.event ?? "acknowledge";
  const flagged = decision?.report.flagged ?? 0;
  const state = useFormModal({
    open: decision !== null,
    onClose,
    mutation: useDecideSubsidyUse(project.id),
    toVariables: (v: DecideValues) => ({
      reportId: decision?.report.id ?? "",
      event,
      body: { note: (v.note ?? "").trim() },
    }),
    fields: ["note"],
    successText: event === "return" ? t("已退回修改", "Report returned") : t("已确认", "Report acknowledged"),
  });
  const consequence = decisionConsequence(event, flagged, t);
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t(`${eventNames[event].zh}后补助资金使用报告？`, `${eventNames[event].en} the use report?`),
      content: t(
        `项目 ${project.number}“${project.title}”。${consequence}此决定记入审计日志。`,
        `Project ${project.number} "${project.title}". ${consequence} The decision is audited.`,
      ),
      okText: eventNames[event][lang],
      testId: `subsidy-use-${event}-confirm`,
      danger: event === "return" || flagged > 0,
    }),
  );
  const min = event === "return" ? 2 : flagged > 0 ? rules.flaggedNoteMinLength : 0;
  const noteLimit = lengthLimit(2000, t);
  return (
    <FormModal
      modal={modal}
      title={t(`${eventNames[event].zh}：后补助资金使用报告`, `${eventNames[event].en}: the use report`)}
      okText={t("下一步", "Next")}
      submitTestId="subsidy-use-decide-submit"
      formTestId="subsidy-use-decide-form"
    >
      <Alert
        type={flagged > 0 || event === "return" ? "warning" : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="subsidy-use-decide-consequence"
        message={consequence}
      />
      {min > 0 ? (
        <TextField
          name="note"
          label={
            event === "return"
              ? t("退回理由及更正要求", "What to correct")
              : t("后续处理意见", "What follows")
          }
          min={min}
          max={2000}
          rows={3}
          testId="subsidy-use-note"
        />
      ) : (
        <Form.Item name="note" label={t("确认意见（可不填）", "Note (optional)")} rules={[noteLimit.rule]}>
          <Input.TextArea rows={3} count={noteLimit.count} data-testid="subsidy-use-note" />
        </Form.Item>
      )}
    </FormModal>
  );
}
