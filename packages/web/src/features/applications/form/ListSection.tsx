import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, type FormListFieldData, Row } from "antd";
import type { ReactNode } from "react";
import { useLocale } from "../../../app/locale";

interface Props<T> {
  name: string | (string | number)[];
  title: ReactNode;
  /** Prefix of the test ids: `${testId}-add`, `${testId}-remove-${i}`; the card itself is `${testId}`. */
  testId: string;
  newItem: () => T;
  /** The columns of one row (Col elements holding Form.Items named `[field.name, "x"]`). */
  renderRow: (field: FormListFieldData, index: number) => ReactNode;
  /** Rows that cannot be removed: a list the schema needs at least this many of. */
  min?: number;
  disabled?: boolean;
  extra?: ReactNode;
  /** Shown above the rows: problems that belong to the list as a whole. */
  notice?: ReactNode;
  /** Called with the removed row's index, before it goes. */
  onRemove?: (index: number) => void;
}

/** A card holding one editable list of a form (directions, calls, targets, team…), row by row. */
export function ListSection<T>({
  name,
  title,
  testId,
  newItem,
  renderRow,
  min = 0,
  disabled,
  extra,
  notice,
  onRemove,
}: Props<T>) {
  const { t } = useLocale();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Card size="small" title={title} extra={extra} data-testid={testId}>
          {notice}
          {fields.map((field, i) => (
            <Row key={field.key} gutter={12} align="top" wrap={false} style={{ marginBottom: 4 }}>
              <div style={{ flex: 1 }}>
                <Row gutter={12}>{renderRow(field, i)}</Row>
              </div>
              {!disabled && (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={fields.length <= min}
                  aria-label={t("删除", "Remove")}
                  onClick={() => {
                    onRemove?.(i);
                    remove(field.name);
                  }}
                  data-testid={`${testId}-remove-${i}`}
                  style={{ marginTop: 30 }}
                />
              )}
            </Row>
          ))}
          {!disabled && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add(newItem())}
              data-testid={`${testId}-add`}
            >
              {t("添加一行", "Add a row")}
            </Button>
          )}
        </Card>
      )}
    </Form.List>
  );
}
