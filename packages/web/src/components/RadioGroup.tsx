import { Radio, type RadioGroupProps } from "antd";

/**
 * AntD's Radio.Group for form fields. Its root div takes aria attributes but drops `role`, so the
 * `aria-required` a required Form.Item adds would sit on a role-less div (an axe violation). The
 * aria attributes go on a wrapper that is a real radiogroup instead.
 */
export function RadioGroup(props: RadioGroupProps) {
  const aria = Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith("aria-")));
  const rest = Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith("aria-")));
  return (
    <div role="radiogroup" {...aria}>
      <Radio.Group {...(rest as RadioGroupProps)} />
    </div>
  );
}
