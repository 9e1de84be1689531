import { useDeferredValue, useState } from "react";
import { Select } from "../../components/Select";
import { useUnits } from "../units/hooks";

interface Props {
  /** From the Form.Item, so that its label names the picker. */
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  disabled?: boolean;
  placeholder?: string;
  /** Shown while the current value is not among the search results (e.g. before any search). */
  initialLabel?: string;
  city?: string;
  testId?: string;
  /** Told the picked unit's name (for a confirmation that names it). */
  onPicked?: (name: string | undefined) => void;
}

/** Searches units on the server; a city may have thousands, so they are never all loaded. */
export function UnitPicker({
  id,
  value,
  onChange,
  disabled,
  placeholder,
  initialLabel,
  city,
  testId = "user-unit",
  onPicked,
}: Props) {
  const [keyword, setKeyword] = useState("");
  const deferred = useDeferredValue(keyword);
  const units = useUnits({ page: 1, pageSize: 20, keyword: deferred, city });
  const options = units.data?.items.map((u) => ({ value: u.id, label: u.nameZh })) ?? [];
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel });
  }
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={(v: string | undefined) => {
        onChange?.(v);
        onPicked?.(options.find((o) => o.value === v)?.label);
      }}
      disabled={disabled}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setKeyword}
      loading={units.isFetching}
      options={options}
      data-testid={testId}
    />
  );
}
