import type { Role } from "../identity/roles.ts";
import { DomainError } from "./errors.ts";

/**
 * A lifecycle as data: which events move which states where, and which roles may fire them. The
 * server asks `fire()` and never compares statuses itself; the UI asks `allowedEvents()` for buttons.
 */
export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  roles: readonly Role[];
}

export interface Machine<S extends string, E extends string> {
  name: string;
  states: readonly S[];
  transitions: Record<E, Transition<S>>;
  labels: Record<S, { zh: string; en: string }>;
}

export function defineMachine<S extends string, E extends string>(m: Machine<S, E>): Machine<S, E> {
  for (const [event, t] of Object.entries(m.transitions) as [E, Transition<S>][]) {
    for (const s of [...t.from, t.to]) {
      if (!m.states.includes(s)) throw new Error(`${m.name}: event ${event} names unknown state ${s}`);
    }
  }
  return m;
}

export function fire<S extends string, E extends string>(
  m: Machine<S, E>,
  state: S,
  event: E,
  roles: readonly Role[],
): S {
  // An event name from outside (a route parameter) may be no event of this machine, or an
  // Object.prototype member such as "toString": refuse it instead of failing with a TypeError.
  const t: Transition<S> | undefined = Object.hasOwn(m.transitions, event) ? m.transitions[event] : undefined;
  if (!t) {
    throw new DomainError({
      code: "INVALID_TRANSITION",
      messageZh: `没有此操作（${m.name}.${String(event)}）。`,
      messageEn: `A ${m.name} has no event ${String(event)}.`,
      details: { state, event },
    });
  }
  if (!t.roles.some((r) => roles.includes(r))) {
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh: `无权执行此操作（${m.name}.${event}）。`,
      messageEn: `You may not ${event} a ${m.name}.`,
    });
  }
  if (!t.from.includes(state)) {
    throw new DomainError({
      code: "INVALID_TRANSITION",
      messageZh: `当前状态为“${m.labels[state].zh}”，不能执行此操作。`,
      messageEn: `Cannot ${event} a ${m.name} that is ${m.labels[state].en}.`,
      details: { state, event },
    });
  }
  return t.to;
}

export function allowedEvents<S extends string, E extends string>(
  m: Machine<S, E>,
  state: S,
  roles: readonly Role[],
): E[] {
  return (Object.entries(m.transitions) as [E, Transition<S>][])
    .filter(([, t]) => t.from.includes(state) && t.roles.some((r) => roles.includes(r)))
    .map(([e]) => e);
}
