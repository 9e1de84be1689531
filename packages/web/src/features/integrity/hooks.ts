import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createIntegrityRecord,
  fetchIntegrityRecords,
  type IntegrityInput,
  type IntegrityLiftInput,
  liftIntegrityRecord,
} from "../../api/integrity";

export function useIntegrityRecords() {
  return useQuery({ queryKey: ["integrity-records"], queryFn: fetchIntegrityRecords });
}

export function useCreateIntegrityRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: IntegrityInput) => createIntegrityRecord(input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["integrity-records"] }),
  });
}

/** Lifting a record: the list refreshes, and the project pages whose sanctions left records. */
export function useLiftIntegrityRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: IntegrityLiftInput }) => liftIntegrityRecord(v.id, v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["integrity-records"] }),
  });
}
