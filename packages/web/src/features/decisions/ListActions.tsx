import { proposedListMachine } from "@luoshu/domain";
import { App, Card, Space, Typography } from "antd";
import { useState } from "react";
import type { ListEvent, ProposedList } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { useCurrentUser } from "../auth/session";
import { GuardedButton } from "../reviews/GuardedButton";
import { useConfirmAct } from "./confirm";
import { EventFormModal, formEvents } from "./EventFormModal";
import { eventCopy } from "./eventCopy";
import { useListEvent } from "./hooks";
import { actionNames, blockedReason, eventShown } from "./labels";
import { ActionErrorAlert } from "./Problems";

const returns: readonly ListEvent[] = ["leaderReturn", "financeReturn", "recall"];
/** The steps in the machine's order: forward steps with their returns beside them. */
const allEvents = Object.keys(proposedListMachine.transitions) as ListEvent[];

/**
 * The steps the caller may take on the list now, one button each; a step the caller could take but
 * not now is a disabled button that says why (the server's `blocked`), and the reasons are written
 * out below. Every step is asked for in a dialog that states its consequence.
 */
export function ListActions({ list, dirty }: { list: ProposedList; dirty: boolean }) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const step = useListEvent(list.id);
  const [writing, setWriting] = useState<ListEvent | null>(null);
  const events = allEvents.filter((e) => eventShown(list, e, me.roles));

  const blocked = (e: ListEvent): string | null =>
    blockedReason(list, e, lang) ??
    (e === "submit" && dirty
      ? t("名单有未保存的修改，请先保存。", "The list has unsaved changes: save them first.")
      : null);

  const onEvent = async (e: ListEvent) => {
    if (formEvents.includes(e)) return setWriting(e);
    const copy = eventCopy(e, list, lang, t);
    const ok = await confirmAct({
      title: copy.title,
      content: copy.content,
      okText: actionNames[e][lang],
      testId: `list-${e}-confirm`,
      danger: e === "issue",
    });
    // the dialog closes at once; the button shows the request, the alert below its error
    if (ok) step.mutate({ event: e, body: { note: null } }, { onSuccess: () => message.success(copy.done) });
  };

  if (events.length === 0) return null;
  const reasons = events.flatMap((e) => {
    const why = blocked(e);
    return why ? [{ e, why }] : [];
  });

  return (
    <Card size="small" title={t("办理", "Actions")} data-testid="list-actions">
      <Space wrap>
        {events.map((e) => (
          <GuardedButton
            key={e}
            type={returns.includes(e) ? "default" : "primary"}
            danger={returns.includes(e) && e !== "recall"}
            onClick={() => void onEvent(e)}
            loading={step.isPending && step.variables?.event === e}
            blockedReason={blocked(e)}
            testId={`list-${e}`}
          >
            {actionNames[e][lang]}
          </GuardedButton>
        ))}
      </Space>
      {reasons.length > 0 && (
        <ul style={{ margin: "12px 0 0", paddingInlineStart: 18 }} data-testid="list-actions-blocked">
          {reasons.map(({ e, why }) => (
            <li key={e}>
              <Typography.Text type="secondary">
                {actionNames[e][lang]}
                {t("：", ": ")}
                {why}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      <ActionErrorAlert error={step.error} style={{ marginTop: 12 }} />
      <EventFormModal list={list} event={writing} onClose={() => setWriting(null)} />
    </Card>
  );
}
