import type { Role } from "@luoshu/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UserStatus } from "../../api/users";
import { createUser, fetchUsers, setUserRoles, setUserStatus, type UserQuery } from "../../api/users";

export function useUsers(q: UserQuery) {
  return useQuery({
    queryKey: ["users", q],
    queryFn: () => fetchUsers(q),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ["users"] }) });
}

export const useCreateUser = () => useUserMutation(createUser);
export const useSetRoles = () =>
  useUserMutation(({ id, roles }: { id: string; roles: Role[] }) => setUserRoles(id, roles));
export const useSetStatus = () =>
  useUserMutation(({ id, status }: { id: string; status: UserStatus }) => setUserStatus(id, status));
