import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { Me } from "../../api/auth";
import { fetchMe, login, logout } from "../../api/auth";

export const meKey = ["me"] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/**
 * The signed-in user, handed down by the authenticated layout. A context rather than the query: when
 * a session ends the layout swaps its children for a redirect, so they never see a null user.
 */
export const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser outside the authenticated layout");
  return me;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // another user's cached lists must never show through after a switch of account
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => endSession(qc),
  });
}

export function endSession(qc: QueryClient): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  qc.setQueryData(meKey, null);
}

let lostReason: string | null = null;

/** Remembers why the session ended so the login page can say "expired" rather than nothing. */
export function markSessionLost(qc: QueryClient, code: string): void {
  lostReason = code;
  endSession(qc);
}

export function sessionLostReason(): string | null {
  return lostReason;
}

export function clearSessionLostReason(): void {
  lostReason = null;
}
