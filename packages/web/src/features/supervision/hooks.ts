import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  drawThisCycle,
  fetchPublicSpotChecks,
  fetchSupervision,
  type InspectionInput,
  type InspectionResultInput,
  recordInspection,
  recordInspectionResult,
} from "../../api/supervision";

export const supervisionKey = ["supervision"] as const;
export const publicSpotChecksKey = ["publicSpotChecks"] as const;

export function useSupervision() {
  return useQuery({ queryKey: supervisionKey, queryFn: fetchSupervision });
}

export function usePublicSpotChecks() {
  return useQuery({ queryKey: publicSpotChecksKey, queryFn: fetchPublicSpotChecks });
}

/** Every step changes the page's data, the public draws and perhaps a workspace tile. */
function useSupervisionMutation<V, D>(fn: (v: V) => Promise<D>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const queryKey of [supervisionKey, publicSpotChecksKey, ["workspace"]])
        qc.invalidateQueries({ queryKey });
    },
  });
}

export const useDrawSpotCheck = () => useSupervisionMutation((_: undefined) => drawThisCycle());
export const useRecordInspection = () => useSupervisionMutation((v: InspectionInput) => recordInspection(v));
export const useRecordInspectionResult = () =>
  useSupervisionMutation((v: { id: string; body: InspectionResultInput }) =>
    recordInspectionResult(v.id, v.body),
  );
