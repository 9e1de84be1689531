import { App, type ButtonProps } from "antd";
import { useEffect, useRef, useState } from "react";
import { useBlocker } from "react-router-dom";
import { useLocale } from "../../app/locale";

/**
 * The long form loses no work: every change schedules a save `delayMs` after the last one, saves
 * never overlap (each waits for the one before, so an older one cannot land last), and the page
 * warns before it is left with changes not yet saved, by the browser (reload, close) or in the app.
 * `save(quiet)` returns something on success and null when not everything was saved (nothing, or
 * all but a text past its limit): the page then stays marked unsaved and the leave warning stays on.
 */
export function useDraftAutosave<R>(
  save: (quiet: boolean) => Promise<R | null>,
  enabled: boolean,
  delayMs = 3000,
) {
  const saveRef = useRef(save);
  saveRef.current = save; // the timer calls the newest closure, never the one of the render it was set in
  const timer = useRef<number | undefined>(undefined);
  const edits = useRef(0);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState<{ at: Date; auto: boolean } | null>(null);

  const run = (quiet: boolean): Promise<R | null> => {
    window.clearTimeout(timer.current);
    const mark = edits.current;
    const next = chain.current.then(async () => {
      const res = await saveRef.current(quiet);
      if (res) {
        setSaved({ at: new Date(), auto: quiet });
        if (edits.current === mark) setDirty(false);
      }
      return res;
    });
    chain.current = next.catch(() => null);
    return next;
  };

  const touch = () => {
    edits.current += 1;
    setDirty(true);
    window.clearTimeout(timer.current);
    if (enabled) timer.current = window.setTimeout(() => void run(true), delayMs);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useLeaveGuard(dirty && enabled);
  return { run, touch, dirty, saved };
}

/**
 * Asks before the page is left with unsaved changes: the browser's own prompt, and a dialog in the app.
 * `content` says what would be lost (default: an autosaved draft's last few seconds).
 */
export function useLeaveGuard(active: boolean, content?: { zh: string; en: string }) {
  const { t } = useLocale();
  const { modal } = App.useApp();
  useEffect(() => {
    if (!active) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => active && currentLocation.pathname !== nextLocation.pathname,
  );
  // One dialog per blocked navigation: the effect runs when the blocker turns blocked, not on every
  // render (the blocker, `t` and `modal` are read from a ref).
  const latest = useRef({ blocker, t, modal, content });
  latest.current = { blocker, t, modal, content };
  const blocked = blocker.state === "blocked";
  useEffect(() => {
    if (!blocked) return;
    const { blocker: b, t: tr, modal: m, content } = latest.current;
    m.confirm({
      title: tr("有尚未保存的修改", "There are unsaved changes"),
      content: content
        ? tr(content.zh, content.en)
        : tr(
            "最近几秒的修改还没有保存，离开本页将丢失。要离开吗？",
            "Your latest changes are not saved yet and will be lost if you leave. Leave anyway?",
          ),
      okText: tr("离开", "Leave"),
      cancelText: tr("留在本页", "Stay"),
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": "leave-confirm" } as ButtonProps,
      onOk: () => b.proceed?.(),
      onCancel: () => b.reset?.(),
    });
  }, [blocked]);
}
