import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import type { CommitteeSeat } from "@luoshu/domain";
import { Alert, Button, Col, DatePicker, Form, Input, Radio, Row, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import type { JointTopic } from "../../api/joint";
import type { Policy } from "../../api/policies";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { RadioGroup } from "../../components/RadioGroup";
import { Select } from "../../components/Select";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { SourceBlock } from "../policies/SourceBlock";
import { useCommitteePool, useJointEvent } from "./hooks";
import { citationText, jointActionNames, seatNames } from "./labels";

interface Member {
  expertId?: string;
  seat?: CommitteeSeat;
  recommend?: boolean;
  opinion?: string;
}
interface Values {
  meetingOn: string;
  members: Member[];
}
const noSeats: readonly CommitteeSeat[] = [];

/**
 * 联合专家委员会评审 (LY-REFORM §三(二)2): the officer records the meeting and each member (an expert of
 * the pool in one of the seats the policy names, every seat filled, nobody twice), how each voted and
 * why; the server concludes by majority whether the project goes to the joint approval.
 */
export function ReviewModal({
  topic: c,
  policy,
  onClose,
}: {
  topic: JointTopic | null;
  policy: Policy | undefined;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const rules = policy?.decision.jointResearch;
  const seats = rules?.committee.seats ?? noSeats;
  const pool = useCommitteePool(c !== null);
  // one empty row per seat the policy names; nothing chosen
  const initialValues = useMemo(() => ({ members: seats.map(() => ({})) }), [seats]);
  const state = useFormModal({
    open: c !== null,
    onClose,
    mutation: useJointEvent(),
    initialValues,
    toVariables: (v: Values) => ({
      id: c?.id ?? "",
      event: "review" as const,
      body: {
        meetingOn: v.meetingOn,
        members: v.members.map((m) => ({
          expertId: m.expertId ?? "",
          seat: m.seat as CommitteeSeat,
          recommend: m.recommend === true,
          opinion: (m.opinion ?? "").trim(),
        })),
      },
    }),
    fields: ["meetingOn", "members"],
    successText: t("联合专家委员会评审已记录", "Committee review recorded"),
  });
  const modal = withConfirmation(state, (v) => {
    const n = v.members.length;
    const yes = v.members.filter((m) => m.recommend === true).length;
    const recommended = yes * 2 > n;
    return confirmAct({
      title: t("记录联合专家委员会评审？", "Record the committee's review?"),
      content: t(
        `${v.meetingOn} 评审会，委员 ${n} 名，其中 ${yes} 名建议立项。按过半数原则，结论为${recommended ? "“建议立项”，随后由市科技局和实验室联合审定" : "“不建议立项”，项目不予立项，办理结束"}（${citationText(c?.sources.committee, t)}）。记录后不能修改，记入审计日志。`,
        `Meeting of ${v.meetingOn}, ${n} members, ${yes} recommending. By majority the committee ${recommended ? "recommends the project, which goes to the joint approval of the bureau and the laboratory" : "does not recommend it: the project is not approved and goes no further"} (${citationText(c?.sources.committee, t)}). It cannot be changed afterwards and is audited.`,
      ),
      okText: jointActionNames.review[lang],
      testId: "joint-review-confirm",
      danger: !recommended,
    });
  });
  const opinion = lengthLimit(2000, t);
  // 回避: experts of the laboratory and of the enterprise cannot sit (the server refuses them too)
  const parties = [c?.enterpriseId, c?.laboratoryId];
  const experts = (pool.data?.items ?? [])
    .filter((e) => e.status === "active")
    .map((e) => {
      const apart = !parties.includes(e.unit.id);
      return {
        value: e.id,
        disabled: !apart,
        label: `${e.displayName}（${e.unit.nameZh}，${e.title}）${apart ? "" : t("——回避", " — conflict")}`,
      };
    });
  const seatOptions = seats.map((s) => ({ value: s, label: seatNames[s][lang] }));

  return (
    <FormModal
      modal={modal}
      title={t(`联合专家委员会评审：${c?.title ?? ""}`, `Joint committee review: ${c?.title ?? ""}`)}
      okText={t("下一步", "Next")}
      submitTestId="joint-review-submit"
      formTestId="joint-review-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `委员会须有${seats.map((s) => seatNames[s].zh).join("、")}，每位专家只占一个席位；过半数委员建议立项即为建议立项。`,
          `The committee needs ${seats.map((s) => seatNames[s].en.toLowerCase()).join(", ")}; an expert holds one seat; it recommends when more than half its members do.`,
        )}
        description={<SourceBlock source={rules?.committee.source} />}
      />
      <ErrorAlert error={pool.error} style={{ marginBottom: 16 }} />
      <Form.Item
        name="meetingOn"
        label={t("评审会日期", "Meeting date")}
        rules={[{ required: true }]}
        {...dateStringProps}
      >
        <DatePicker
          style={{ width: "100%" }}
          disabledDate={(d) => d.isAfter(dayjs(), "day")}
          data-testid="joint-form-meeting-on"
        />
      </Form.Item>
      <Form.List
        name="members"
        rules={[
          {
            validator: async (_, members: Member[] | undefined) => {
              const list = members ?? [];
              const missing = seats.filter((s) => !list.some((m) => m?.seat === s));
              if (missing.length > 0)
                throw new Error(
                  t(
                    `尚缺席位：${missing.map((s) => seatNames[s].zh).join("、")}`,
                    `Seats not filled: ${missing.map((s) => seatNames[s].en).join(", ")}`,
                  ),
                );
              const ids = list.map((m) => m?.expertId).filter(Boolean);
              if (new Set(ids).size !== ids.length)
                throw new Error(t("同一专家只能占一个席位", "An expert holds one seat"));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <div
                key={field.key}
                style={{
                  border: "1px solid #f0f0f0",
                  borderRadius: 8,
                  padding: "12px 12px 0",
                  marginBottom: 12,
                }}
                data-testid={`joint-member-${i}`}
              >
                <Row gutter={12} align="top">
                  <Col flex="auto">
                    <Typography.Text strong>{t(`委员 ${i + 1}`, `Member ${i + 1}`)}</Typography.Text>
                  </Col>
                  <Col>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        size="small"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t(`删除委员 ${i + 1}`, `Remove member ${i + 1}`)}
                        data-testid={`joint-member-${i}-remove`}
                      />
                    )}
                  </Col>
                </Row>
                <Row gutter={12}>
                  <Col xs={24} sm={14}>
                    <Form.Item
                      name={[field.name, "expertId"]}
                      label={t(`委员 ${i + 1} 专家`, `Member ${i + 1}: expert`)}
                      rules={[{ required: true, message: t("请选择专家", "Choose the expert") }]}
                    >
                      <Select
                        showSearch
                        optionFilterProp="label"
                        placeholder={t("从专家库选择", "From the expert pool")}
                        loading={pool.isPending}
                        options={experts}
                        data-testid={`joint-member-${i}-expert`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={10}>
                    <Form.Item
                      name={[field.name, "seat"]}
                      label={t(`委员 ${i + 1} 席位`, `Member ${i + 1}: seat`)}
                      rules={[{ required: true, message: t("请选择席位", "Choose the seat") }]}
                    >
                      <Select
                        placeholder={t("请选择", "Choose")}
                        options={seatOptions}
                        data-testid={`joint-member-${i}-seat`}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  name={[field.name, "recommend"]}
                  label={t(`委员 ${i + 1} 表决`, `Member ${i + 1}: vote`)}
                  rules={[{ required: true, message: t("请选择表决意见", "Choose the vote") }]}
                >
                  <RadioGroup data-testid={`joint-member-${i}-recommend`}>
                    <Radio value={true}>{t("建议立项", "Recommends")}</Radio>
                    <Radio value={false}>{t("不建议立项", "Does not recommend")}</Radio>
                  </RadioGroup>
                </Form.Item>
                <Form.Item
                  name={[field.name, "opinion"]}
                  label={t(`委员 ${i + 1} 评审意见`, `Member ${i + 1}: opinion`)}
                  rules={[{ required: true, whitespace: true }, { min: 2, transform: trimmed }, opinion.rule]}
                >
                  <Input.TextArea rows={2} count={opinion.count} data-testid={`joint-member-${i}-opinion`} />
                </Form.Item>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({})}
              style={{ marginTop: 4 }}
              data-testid="joint-member-add"
            >
              {t("增加委员", "Add a member")}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
