import { App, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import type { UserInput } from "../../api/users";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useCurrentUser } from "../auth/session";
import { useCities, useDistricts } from "../units/hooks";
import { useCreateUser } from "./hooks";
import { UnitPicker } from "./UnitPicker";

const FIELDS = [
  "username",
  "displayName",
  "cityCode",
  "districtCode",
  "unitId",
  "idNumber",
  "password",
] as const;
const ID_NUMBER = /^\d{17}[\dX]$/;

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserInput>();
  const create = useCreateUser();
  const isPlatform = me.scope.kind === "platform";
  const unitScoped = me.scope.kind === "unit";
  const cityCode = Form.useWatch("cityCode", form);
  const cities = useCities(isPlatform && open);
  const districts = useDistricts(
    isPlatform ? cityCode : undefined,
    open && (!isPlatform || Boolean(cityCode)),
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    create.reset();
    form.setFieldsValue({
      cityCode: me.city?.code,
      districtCode: me.district?.code,
      unitId: me.unit?.id,
    });
  }, [open, form, me, create.reset]);

  const submit = async () => {
    const v = await form.validateFields();
    const input: UserInput = { ...v, idNumber: v.idNumber?.trim().toUpperCase() || undefined };
    create.mutate(input, {
      onSuccess: () => {
        message.success(t("用户已创建", "User created"));
        onClose();
      },
      onError: (err) => applyFieldErrors(form, err, lang, FIELDS),
    });
  };

  const required = (zh: string, en: string) => [
    { required: true, message: t(`请填写${zh}`, `${en} is required`) },
  ];

  return (
    <Modal
      open={open}
      title={t("新建用户", "New user")}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ "data-testid": "user-form-submit" }}
      destroyOnHidden
    >
      {create.error && <ErrorAlert error={create.error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" data-testid="user-form">
        <Form.Item name="username" label={t("用户名", "Username")} rules={required("用户名", "Username")}>
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("姓名", "Display name")}
          rules={required("姓名", "Display name")}
        >
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="cityCode" label={t("城市", "City")} rules={required("城市", "City")}>
          <Select
            disabled={!isPlatform}
            loading={cities.isPending && isPlatform}
            onChange={() => form.setFieldsValue({ districtCode: undefined, unitId: undefined })}
            options={
              isPlatform
                ? cities.data?.map((c) => ({ value: c.code, label: pickLang(lang, c.nameZh, c.nameEn) }))
                : me.city
                  ? [{ value: me.city.code, label: pickLang(lang, me.city.nameZh, me.city.nameEn) }]
                  : []
            }
          />
        </Form.Item>
        <Form.Item name="districtCode" label={t("县区（可选）", "District (optional)")}>
          <Select
            allowClear
            disabled={unitScoped || me.scope.kind === "district"}
            options={districts.data?.map((d) => ({
              value: d.code,
              label: pickLang(lang, d.nameZh, d.nameEn),
            }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label={t("所属单位（可选）", "Unit (optional)")}>
          <UnitPicker
            disabled={unitScoped}
            city={isPlatform ? cityCode : undefined}
            initialLabel={me.unit?.nameZh}
            placeholder={t("输入名称搜索", "Type to search")}
          />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t("居民身份证号（可选）", "Resident ID number (optional)")}
          rules={[{ pattern: ID_NUMBER, message: t("身份证号应为18位", "ID number must be 18 characters") }]}
          normalize={(v: string) => v?.toUpperCase()}
        >
          <Input maxLength={18} autoComplete="off" data-testid="user-id-number" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("初始密码", "Initial password")}
          rules={required("初始密码", "Password")}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
