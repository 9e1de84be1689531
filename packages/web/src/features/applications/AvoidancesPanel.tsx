import type { avoidanceBody, avoidanceList } from "@luoshu/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Radio, Table, Typography } from "antd";
import { useState } from "react";
import type { z } from "zod";
import { apiFetch } from "../../api/client";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";

type AvoidanceList = z.infer<typeof avoidanceList>;
type AvoidanceInput = z.input<typeof avoidanceBody>;
type FormValues = {
  kind?: "unit" | "person";
  uscc?: string;
  name?: string;
  idNumber?: string;
  note?: string;
};

const key = (id: string) => ["applications", id, "avoidances"] as const;

/**
 * 申请回避: the applicant names a unit (by its credit code) or a person (by ID number) to keep away
 * from the application's expert review, until the invitations go out. The ID number is kept only
 * masked and as a digest; the list shows the mask.
 */
export function AvoidancesPanel({ applicationId }: { applicationId: string }) {
  const { t } = useLocale();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: key(applicationId),
    queryFn: () => apiFetch<AvoidanceList>(`/applications/${applicationId}/avoidances`),
  });
  const declare = useMutation({
    mutationFn: (body: AvoidanceInput) =>
      apiFetch<AvoidanceList>(`/applications/${applicationId}/avoidances`, { method: "POST", body }),
    onSuccess: (data) => qc.setQueryData(key(applicationId), data),
  });
  const [open, setOpen] = useState(false);
  const modal = useFormModal({
    open,
    onClose: () => setOpen(false),
    mutation: declare,
    toVariables: (v: FormValues): AvoidanceInput =>
      v.kind === "unit"
        ? { kind: "unit", uscc: v.uscc ?? "", note: v.note ?? "" }
        : { kind: "person", name: v.name ?? "", idNumber: v.idNumber ?? "", note: v.note ?? "" },
    fields: ["uscc", "name", "idNumber", "note"],
    successText: t("已记录回避申请", "Avoidance recorded"),
  });
  const kind = Form.useWatch("kind", modal.form);
  const note = lengthLimit(500, t);
  const applicant = me.permissions.includes("application.edit");
  const data = list.data;

  return (
    <Card
      size="small"
      data-testid="avoidances-panel"
      title={t("申请回避", "Reviewers to avoid")}
      extra={
        applicant && (
          <span>
            <Button
              size="small"
              onClick={() => setOpen(true)}
              disabled={!data?.open}
              data-testid="avoidance-add"
            >
              {t("申请回避", "Ask to avoid")}
            </Button>
            {data && !data.open && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t("评审邀请已发出，不再受理", "The invitations are out; no longer taken")}
              </Typography.Text>
            )}
          </span>
        )
      }
    >
      {list.error && <ErrorAlert error={list.error} />}
      <Typography.Paragraph type="secondary">
        {t(
          "可申请与本项目存在竞争或利益关系的单位（其所有专家）或个人回避评审；评审组织方分配专家时予以排除。",
          "Name units (all their experts) or people in competition or with an interest in this project; the review's organiser keeps them away.",
        )}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="avoidances-table"
        columns={[
          {
            title: t("回避对象", "Avoided"),
            render: (_, r) =>
              r.kind === "unit"
                ? `${r.unitName ?? ""}（${r.uscc ?? ""}）`
                : `${r.name ?? ""}（${r.idNumberMasked ?? ""}）`,
          },
          { title: t("理由", "Reason"), dataIndex: "note" },
          { title: t("申请时间", "Recorded"), dataIndex: "at", render: (at: string) => formatDateTime(at) },
        ]}
      />
      <FormModal
        modal={modal}
        title={t("申请回避", "Ask to avoid")}
        submitTestId="avoidance-confirm"
        formTestId="avoidance-form"
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(
            "提交后，所列单位的专家或所列人员不会被分配评审本项目；记录不能撤回，并记入审计日志。",
            "Once recorded, the unit's experts or the person are not assigned to this application; the record cannot be withdrawn and is audited.",
          )}
        />
        <Form.Item name="kind" label={t("回避对象类型", "Kind")} rules={[{ required: true }]}>
          <Radio.Group data-testid="avoidance-kind">
            <Radio value="unit">{t("单位", "A unit")}</Radio>
            <Radio value="person">{t("个人", "A person")}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === "unit" && (
          <Form.Item
            name="uscc"
            label={t("统一社会信用代码", "Unified social credit code")}
            rules={[{ required: true, len: 18 }]}
          >
            <Input data-testid="avoidance-uscc" />
          </Form.Item>
        )}
        {kind === "person" && (
          <>
            <Form.Item name="name" label={t("姓名", "Name")} rules={[{ required: true, max: 50 }]}>
              <Input data-testid="avoidance-name" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={t("身份证号", "ID number")}
              rules={[{ required: true, len: 18 }]}
            >
              <Input data-testid="avoidance-id-number" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t("理由", "Reason")} rules={[{ required: true, min: 2 }, note.rule]}>
          <Input.TextArea rows={3} count={note.count} data-testid="avoidance-note" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
