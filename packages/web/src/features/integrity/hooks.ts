import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createIntegrityRecord, fetchIntegrityRecords, type IntegrityInput } from "../../api/integrity";

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
