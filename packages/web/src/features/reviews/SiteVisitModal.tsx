import { Alert, DatePicker, Form, Input } from "antd";
import type { ReviewItem } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { RadioGroup } from "../../components/RadioGroup";
import { Select } from "../../components/Select";
import { formatDate } from "../../components/time";
import { useRecordSiteVisit } from "./hooks";
import { siteVisitResultNames } from "./labels";

interface Values {
  visitedOn: string;
  members: string[];
  findings: string;
  result: "pass" | "concerns" | "fail";
}

const memberMax = 50;

/** 现场考察: the date, who went, what they found and the result, recorded for one application. */
export function SiteVisitModal({
  planId,
  item,
  onClose,
}: {
  planId: string;
  item: ReviewItem | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const modal = useFormModal({
    open: item !== null,
    onClose,
    mutation: useRecordSiteVisit(planId),
    toVariables: (v: Values) => ({
      applicationId: item?.applicationId ?? "",
      visitedOn: v.visitedOn,
      members: v.members.map((m) => m.trim()).filter((m) => m.length > 0),
      findings: v.findings.trim(),
      result: v.result,
    }),
    fields: ["visitedOn", "members", "findings", "result"],
    successText: t("现场考察已登记", "Site visit recorded"),
  });
  const findings = lengthLimit(5000, t);
  // today in Beijing, whatever the browser's zone
  const today = formatDate(new Date().toISOString());

  return (
    <FormModal
      modal={modal}
      title={t(`登记 ${item?.number ?? ""} 的现场考察`, `Record a site visit to ${item?.number ?? ""}`)}
      submitTestId="site-visit-confirm"
      formTestId="site-visit-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `“${item?.title ?? ""}”的考察记录登记后随评审结果提交决策，不能修改，记入审计日志。`,
          `The record for "${item?.title ?? ""}" goes with the results to the decision; it cannot be changed and is audited.`,
        )}
      />
      <Form.Item
        name="visitedOn"
        label={t("考察日期", "Date")}
        rules={[
          { required: true },
          {
            validator: (_, d: string | undefined) =>
              !d || d <= today
                ? Promise.resolve()
                : Promise.reject(new Error(t("考察日期不能晚于今天", "Must not be after today"))),
          },
        ]}
        {...dateStringProps}
      >
        <DatePicker style={{ width: "100%" }} data-testid="site-visit-date" />
      </Form.Item>
      <Form.Item
        name="members"
        label={t("考察组成员", "Members")}
        extra={t("输入姓名后按回车，可输入多人", "Type a name and press Enter; several may be given")}
        rules={[
          { required: true, type: "array", min: 1 },
          {
            validator: (_, names: string[] | undefined) => {
              const list = names ?? [];
              if (list.length > 20) return Promise.reject(new Error(t("至多 20 人", "At most 20 members")));
              const long = list.find((n) => n.trim().length > memberMax);
              return long
                ? Promise.reject(
                    new Error(
                      t(
                        `姓名不超过 ${memberMax} 个字：${long}`,
                        `Names are at most ${memberMax} characters: ${long}`,
                      ),
                    ),
                  )
                : Promise.resolve();
            },
          },
        ]}
      >
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[",", "，", "、", ";", "；"]}
          data-testid="site-visit-members"
        />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t("考察情况", "Findings")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, findings.rule]}
      >
        <Input.TextArea rows={5} count={findings.count} data-testid="site-visit-findings" />
      </Form.Item>
      {/* no result is chosen for the officer: the required rule asks for one */}
      <Form.Item name="result" label={t("考察结论", "Result")} rules={[{ required: true }]}>
        <RadioGroup
          data-testid="site-visit-result"
          options={(["pass", "concerns", "fail"] as const).map((r) => ({
            value: r,
            label: siteVisitResultNames[r][lang],
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
