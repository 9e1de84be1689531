import { useQuery } from "@tanstack/react-query";
import { Form, Input } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";
import { fetchGuides } from "../../api/guides";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { Select } from "../../components/Select";
import { callWindowNames } from "../guides/labels";
import { useCreateApplication } from "./hooks";

interface Values {
  callId: string;
  title: string;
}

/** Starts an application in an open call of a published guide; `callId` fixes the call. */
export function NewApplicationModal({
  open,
  callId,
  onClose,
}: {
  open: boolean;
  callId?: string;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const navigate = useNavigate();
  const titleLimit = lengthLimit(200, t);
  const create = useCreateApplication((app) => navigate(`/applications/${app.id}`));
  const guides = useQuery({
    queryKey: ["guides", { page: 1, pageSize: 100, status: "published" }],
    queryFn: () => fetchGuides({ page: 1, pageSize: 100, status: "published" }),
    enabled: open,
  });
  const initialValues = useMemo(() => (callId ? { callId } : undefined), [callId]);
  const modal = useFormModal<Values, Values, unknown>({
    open,
    onClose,
    mutation: create,
    toVariables: (v) => v,
    fields: ["callId", "title"],
    successText: t("已创建申报书草稿", "Application draft created"),
    initialValues,
  });
  const calls = (guides.data?.items ?? []).flatMap((g) =>
    g.calls.map((c) => ({
      value: c.id,
      disabled: c.window !== "open",
      label: `${g.titleZh} · ${c.nameZh}（${callWindowNames[c.window][lang]}）`,
    })),
  );

  return (
    <FormModal
      modal={modal}
      title={t("新建申报书", "New application")}
      submitTestId="application-create-submit"
      formTestId="application-create-form"
    >
      <Form.Item name="callId" label={t("申报批次", "Call")} rules={[{ required: true }]}>
        <Select
          loading={guides.isFetching}
          options={calls}
          disabled={Boolean(callId)}
          data-testid="application-create-call"
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t("项目名称", "Project title")}
        rules={[{ required: true }, { min: 2 }, titleLimit.rule]}
      >
        <Input count={titleLimit.count} data-testid="application-create-title" />
      </Form.Item>
    </FormModal>
  );
}
