import dayjs, { type Dayjs } from "dayjs";

/** Content dates are `YYYY-MM-DD` strings ("" when empty); these adapt them to AntD's DatePicker. */
export const dateStringProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : ""),
};
