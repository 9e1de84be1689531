import { Checkbox, Form } from "antd";
import { useLocale } from "../../app/locale";

/**
 * The unit's integrity commitment (LY-PLAN §七(四)) as a form field: never ticked for the unit, and
 * the form does not submit until it is.
 */
export function CommitmentField({ testId }: { testId: string }) {
  const { t } = useLocale();
  return (
    <Form.Item
      name="commitment"
      valuePropName="checked"
      rules={[
        {
          validator: (_, v) =>
            v === true
              ? Promise.resolve()
              : Promise.reject(new Error(t("请勾选诚信承诺", "Tick the commitment"))),
        },
      ]}
    >
      <Checkbox data-testid={testId}>
        {t("本单位已阅读并作出上述承诺", "The unit has read and makes this commitment")}
      </Checkbox>
    </Form.Item>
  );
}
