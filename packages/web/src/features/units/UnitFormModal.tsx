import { App, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import type { Unit } from "../../api/types";
import type { UnitInput } from "../../api/units";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useCurrentUser } from "../auth/session";
import { useCities, useDistricts, useSaveUnit } from "./hooks";
import { unitKindNames } from "./unitKinds";

const FIELDS = ["cityCode", "uscc", "nameZh", "kind", "districtCode", "legalRepresentative"] as const;
/** Only the shape; the server checks the GB 32100 check digit and owns the final word. */
const USCC = /^[0-9A-Z]{18}$/;

interface Props {
  open: boolean;
  /** Absent: create a new unit. */
  unit?: Unit;
  onClose: () => void;
}

export function UnitFormModal({ open, unit, onClose }: Props) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitInput>();
  const save = useSaveUnit();
  const isPlatform = me.scope.kind === "platform";
  const cityCode = Form.useWatch("cityCode", form);
  const cities = useCities(isPlatform && open);
  const districts = useDistricts(
    isPlatform ? cityCode : undefined,
    open && (!isPlatform || Boolean(cityCode)),
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    save.reset();
    if (unit) form.setFieldsValue(unit);
  }, [open, unit, form, save.reset]);

  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(
      { id: unit?.id, input: values },
      {
        onSuccess: () => {
          message.success(unit ? t("单位已保存", "Unit saved") : t("单位已创建", "Unit created"));
          onClose();
        },
        onError: (err) => applyFieldErrors(form, err, lang, FIELDS),
      },
    );
  };

  const required = (zh: string, en: string) => [
    { required: true, message: t(`请填写${zh}`, `${en} is required`) },
  ];

  return (
    <Modal
      open={open}
      title={unit ? t("编辑单位", "Edit unit") : t("新建单位", "New unit")}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ "data-testid": "unit-form-submit" }}
      destroyOnHidden
    >
      {save.error && <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" data-testid="unit-form">
        {isPlatform && (
          <Form.Item name="cityCode" label={t("城市", "City")} rules={required("城市", "City")}>
            <Select
              loading={cities.isPending}
              disabled={Boolean(unit)}
              onChange={() => form.setFieldValue("districtCode", undefined)}
              options={cities.data?.map((c) => ({
                value: c.code,
                label: pickLang(lang, c.nameZh, c.nameEn),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="uscc"
          label={t("统一社会信用代码", "Unified social credit code")}
          rules={[
            ...required("统一社会信用代码", "USCC"),
            {
              pattern: USCC,
              message: t(
                "统一社会信用代码应为18位数字或大写字母",
                "USCC must be 18 digits or capital letters",
              ),
            },
          ]}
        >
          <Input maxLength={18} data-testid="unit-uscc" />
        </Form.Item>
        <Form.Item name="nameZh" label={t("单位名称", "Unit name")} rules={required("单位名称", "Name")}>
          <Input data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="kind" label={t("单位类型", "Kind")} rules={required("单位类型", "Kind")}>
          <Select
            data-testid="unit-kind"
            options={Object.entries(unitKindNames).map(([value, n]) => ({
              value,
              label: pickLang(lang, n.zh, n.en),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="districtCode"
          label={t("所属县区", "District")}
          rules={required("所属县区", "District")}
        >
          <Select
            data-testid="unit-district"
            loading={districts.isFetching}
            options={districts.data?.map((d) => ({
              value: d.code,
              label: pickLang(lang, d.nameZh, d.nameEn),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="legalRepresentative"
          label={t("法定代表人", "Legal representative")}
          rules={required("法定代表人", "Legal representative")}
        >
          <Input data-testid="unit-legal" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
