import { userCreateBody } from "@luoshu/contract";
import { type CheckResult, validatePassword, validateResidentId } from "@luoshu/domain";
import { Form, Input } from "antd";
import type { Rule, RuleObject } from "antd/es/form";
import { useMemo } from "react";
import type { UserInput } from "../../api/users";
import { type Lang, pickLang, useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
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

/** A domain check as a form rule: the server's own rule and message, shown before anything is sent. */
const checkRule = (lang: Lang, check: (value: string) => CheckResult): RuleObject => ({
  validator: (_, value: string | undefined) => {
    if (!value) return Promise.resolve(); // "required" speaks for an empty field
    const r = check(value);
    return r.ok ? Promise.resolve() : Promise.reject(new Error(pickLang(lang, r.messageZh, r.messageEn)));
  },
});

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
  const displayName = lengthLimit(50, t);
  // Everything that can be checked here is, so every field's problem shows at once; the server
  // adds only what needs the database (a taken username or ID number, a unit of another city).
  const usernameRule: Rule = {
    validator: (_, value: string | undefined) =>
      !value || userCreateBody.shape.username.safeParse(value).success
        ? Promise.resolve()
        : Promise.reject(
            new Error(
              t(
                "用户名为 3–32 位小写字母、数字或 . _ -，以字母或数字开头",
                "3–32 lower-case letters, digits or . _ -, starting with a letter or digit",
              ),
            ),
          ),
  };
  const idNumberRule = checkRule(lang, (v) => validateResidentId(v.trim().toUpperCase()));
  const passwordRule: Rule = ({ getFieldValue }) =>
    checkRule(lang, (v) => validatePassword(v, String(getFieldValue("username") ?? "")));

  return (
    <FormModal
      modal={modal}
      title={t("新建用户", "New user")}
      submitTestId="user-form-submit"
      formTestId="user-form"
    >
      <Form.Item name="username" label={t("用户名", "Username")} rules={[{ required: true }, usernameRule]}>
        <Input autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t("姓名", "Display name")}
        rules={[{ required: true, whitespace: true }, displayName.rule]}
      >
        <Input count={displayName.count} data-testid="user-display-name" />
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
        rules={[idNumberRule]}
        normalize={(v: string) => v?.toUpperCase()}
      >
        <Input autoComplete="off" data-testid="user-id-number" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("初始密码", "Initial password")}
        dependencies={["username"]}
        rules={[{ required: true }, passwordRule]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
    </FormModal>
  );
}
