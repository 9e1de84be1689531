import { Form, Input } from "antd";
import { useMemo } from "react";
import type { UserInput } from "../../api/users";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { codeOptions } from "../../components/options";
import { Select } from "../../components/Select";
import { useCurrentUser } from "../auth/session";
import { usePlaces } from "../units/hooks";
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
  // new users start where the creator stands; platform staff choose the city
  const initialValues = useMemo(
    () => ({ cityCode: me.city?.code, districtCode: me.district?.code, unitId: me.unit?.id }),
    [me],
  );
  const modal = useFormModal({
    open,
    onClose,
    mutation: useCreateUser(),
    toVariables: (v: UserInput): UserInput => ({
      ...v,
      idNumber: v.idNumber?.trim().toUpperCase() || undefined,
    }),
    fields: FIELDS,
    successText: t("用户已创建", "User created"),
    initialValues,
  });
  const { form } = modal;
  const isPlatform = me.scope.kind === "platform";
  const unitScoped = me.scope.kind === "unit";
  const cityCode = Form.useWatch("cityCode", form);
  const { cities, districts } = usePlaces(isPlatform, cityCode, open);

  return (
    <FormModal
      modal={modal}
      title={t("新建用户", "New user")}
      submitTestId="user-form-submit"
      formTestId="user-form"
    >
      <Form.Item name="username" label={t("用户名", "Username")} rules={[{ required: true }]}>
        <Input autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item name="displayName" label={t("姓名", "Display name")} rules={[{ required: true }]}>
        <Input data-testid="user-display-name" />
      </Form.Item>
      <Form.Item name="cityCode" label={t("城市", "City")} rules={[{ required: true }]}>
        <Select
          disabled={!isPlatform}
          loading={cities.isPending && isPlatform}
          onChange={() => form.setFieldsValue({ districtCode: undefined, unitId: undefined })}
          options={isPlatform ? codeOptions(cities.data, lang) : codeOptions(me.city ? [me.city] : [], lang)}
        />
      </Form.Item>
      <Form.Item name="districtCode" label={t("县区（可选）", "District (optional)")}>
        <Select
          allowClear
          disabled={unitScoped || me.scope.kind === "district"}
          options={codeOptions(districts.data, lang)}
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
      <Form.Item name="password" label={t("初始密码", "Initial password")} rules={[{ required: true }]}>
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
    </FormModal>
  );
}
