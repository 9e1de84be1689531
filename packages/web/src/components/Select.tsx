import { Select as AntSelect, type RefSelectProps, type SelectProps } from "antd";
import type { BaseOptionType, DefaultOptionType } from "antd/es/select";
import { forwardRef, type ReactElement, type Ref, useEffect, useImperativeHandle, useRef } from "react";

/**
 * AntD's Select for form fields. Form.Item marks a required field with `aria-required`, and AntD's
 * Select writes every aria-* prop on its wrapping div as well as on its combobox input; on the div
 * ARIA does not allow it (axe: aria-allowed-attr) and rc-select offers no way to keep it off. So it
 * is taken from the props and set on the input alone, where a screen reader announces "required".
 * Use this one inside a Form.Item.
 */
export const Select = forwardRef(function Select(
  { "aria-required": required, ...props }: SelectProps,
  ref: Ref<RefSelectProps>,
) {
  const inner = useRef<RefSelectProps>(null);
  useImperativeHandle(ref, () => inner.current as RefSelectProps);
  useEffect(() => {
    const input = inner.current?.nativeElement?.querySelector("input");
    if (required) input?.setAttribute("aria-required", "true");
    else input?.removeAttribute("aria-required");
  });
  return <AntSelect ref={inner} {...props} />;
}) as <V = unknown, O extends BaseOptionType | DefaultOptionType = DefaultOptionType>(
  props: SelectProps<V, O> & { ref?: Ref<RefSelectProps> },
) => ReactElement;

/**
 * A Select in a filter bar, which has no visible label: its placeholder names it for screen readers
 * too (AntD shows the placeholder as text beside the input, which does not name the input).
 */
export function FilterSelect<V = unknown>(props: SelectProps<V> & { placeholder: string }) {
  return <AntSelect<V> aria-label={props.placeholder} {...props} />;
}
