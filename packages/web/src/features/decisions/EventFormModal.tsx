import { Alert, DatePicker, Form, Input } from "antd";
import dayjs from "dayjs";
import type { ListEvent, ProposedList } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { eventCopy } from "./eventCopy";
import { useListEvent } from "./hooks";
import { actionNames } from "./labels";

/** The steps taken in a dialog with something to write: a note, or the city government's approval. */
export const formEvents: readonly ListEvent[] = [
  "leaderApprove",
  "leaderReturn",
  "recordCityGovernment",
  "coSign",
  "financeReturn",
];
const notesRequired: readonly ListEvent[] = ["leaderReturn", "financeReturn"];

interface Values {
  note?: string;
  approvedOn?: string;
  docNumber?: string;
}

/**
 * A step with something to write. A return needs its reason (the officer reads it); approving and
 * co-signing take an optional opinion; the city government's approval needs its date and document
 * number. The dialog states what the step does and its button names it.
 */
export function EventFormModal({
  list,
  event,
  onClose,
}: {
  list: ProposedList;
  event: ListEvent | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const copy = event ? eventCopy(event, list, lang, t) : null;
  const modal = useFormModal({
    open: event !== null,
    onClose,
    mutation: useListEvent(list.id),
    toVariables: (v: Values) => ({
      event: event ?? "submit",
      body: {
        note: v.note?.trim() || null,
        ...(event === "recordCityGovernment"
          ? { approvedOn: v.approvedOn, docNumber: v.docNumber?.trim() }
          : {}),
      },
    }),
    fields: ["note", "approvedOn", "docNumber"],
    successText: copy?.done ?? "",
  });
  const note = lengthLimit(1000, t);
  const doc = lengthLimit(100, t);
  if (!event || !copy) return null;
  const noteRequired = notesRequired.includes(event);

  return (
    <FormModal
      modal={modal}
      title={copy.title}
      okText={actionNames[event][lang]}
      submitTestId={`list-${event}-confirm`}
      formTestId={`list-${event}-form`}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={copy.content} />
      {event === "recordCityGovernment" && (
        <>
          <Form.Item
            name="approvedOn"
            label={t("市政府批准日期", "Approved on")}
            rules={[{ required: true }]}
            {...dateStringProps}
          >
            <DatePicker
              style={{ width: "100%" }}
              disabledDate={(d) => d.isAfter(dayjs(), "day")}
              data-testid="list-city-approved-on"
            />
          </Form.Item>
          <Form.Item
            name="docNumber"
            label={t("批准文件文号", "Document number")}
            rules={[{ required: true, whitespace: true }, { min: 2 }, doc.rule]}
          >
            <Input count={doc.count} data-testid="list-city-doc-number" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="note"
        label={
          noteRequired
            ? t("退回意见（项目主管可见）", "Reason (shown to the program officer)")
            : t("意见（可选）", "Opinion (optional)")
        }
        rules={[...(noteRequired ? [{ required: true, whitespace: true }, { min: 2 }] : []), note.rule]}
      >
        <Input.TextArea rows={3} count={note.count} data-testid={`list-${event}-note`} />
      </Form.Item>
    </FormModal>
  );
}
