import { unitKindNames } from "@luoshu/domain";
import { Form, Input } from "antd";
import type { Unit, UnitInput } from "../../api/units";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { codeOptions, nameOptions } from "../../components/options";
import { Select } from "../../components/Select";
import { useCurrentUser } from "../auth/session";
import { type UnitSave, usePlaces, useSaveUnit } from "./hooks";

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
  const modal = useFormModal({
    open,
    onClose,
    mutation: useSaveUnit(),
    toVariables: ({ cityCode, ...fields }: UnitInput): UnitSave =>
      unit ? { id: unit.id, input: fields } : { input: { ...fields, cityCode } },
    fields: FIELDS,
    successText: unit ? t("单位已保存", "Unit saved") : t("单位已创建", "Unit created"),
    initialValues: unit,
  });
  const { form } = modal;
  const isPlatform = me.scope.kind === "platform";
  const { cities, districts } = usePlaces(isPlatform, Form.useWatch("cityCode", form), open);
  // the credit code, kind and district are the registrar's to change (checkUnitChangesByUnitAdmin)
  const locked = Boolean(unit) && !me.permissions.includes("unit.create");
  const lockedHelp = locked
    ? t("由登记单位的管理员（市科技局）修改", "Changed by the bureau, which registers units")
    : undefined;
  const name = lengthLimit(100, t);
  const legal = lengthLimit(50, t);

  return (
    <FormModal
      modal={modal}
      title={unit ? t("编辑单位", "Edit unit") : t("新建单位", "New unit")}
      submitTestId="unit-form-submit"
      formTestId="unit-form"
    >
      {isPlatform && (
        <Form.Item name="cityCode" label={t("城市", "City")} rules={[{ required: true }]}>
          <Select
            loading={cities.isPending}
            disabled={Boolean(unit)}
            onChange={() => form.setFieldValue("districtCode", undefined)}
            options={codeOptions(cities.data, lang)}
          />
        </Form.Item>
      )}
      <Form.Item
        name="uscc"
        label={t("统一社会信用代码", "Unified social credit code")}
        extra={lockedHelp}
        rules={[
          { required: true },
          {
            pattern: USCC,
            message: t("统一社会信用代码应为18位数字或大写字母", "USCC must be 18 digits or capital letters"),
          },
        ]}
      >
        <Input data-testid="unit-uscc" disabled={locked} />
      </Form.Item>
      <Form.Item name="nameZh" label={t("单位名称", "Unit name")} rules={[{ required: true }, name.rule]}>
        <Input count={name.count} data-testid="unit-name" />
      </Form.Item>
      <Form.Item name="kind" label={t("单位类型", "Kind")} extra={lockedHelp} rules={[{ required: true }]}>
        <Select data-testid="unit-kind" disabled={locked} options={nameOptions(unitKindNames, lang)} />
      </Form.Item>
      <Form.Item
        name="districtCode"
        label={t("所属县区", "District")}
        extra={lockedHelp}
        rules={[{ required: true }]}
      >
        <Select
          data-testid="unit-district"
          disabled={locked}
          loading={districts.isFetching}
          options={codeOptions(districts.data, lang)}
        />
      </Form.Item>
      <Form.Item
        name="legalRepresentative"
        label={t("法定代表人", "Legal representative")}
        rules={[{ required: true }, legal.rule]}
      >
        <Input count={legal.count} data-testid="unit-legal" />
      </Form.Item>
    </FormModal>
  );
}
