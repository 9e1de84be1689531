import { useQuery } from "@tanstack/react-query";
import { fetchPolicies, fetchPolicy } from "../../api/policies";

// policies change with a new release, not during a session
const LONG = 10 * 60_000;

export function usePolicies() {
  return useQuery({ queryKey: ["policies"], queryFn: fetchPolicies, staleTime: LONG });
}

export function usePolicy(city?: string, version?: string) {
  return useQuery({
    queryKey: ["policy", city, version],
    queryFn: () => fetchPolicy(city as string, version as string),
    enabled: Boolean(city && version),
    staleTime: LONG,
  });
}

/** The newest version of a city's policy, for pages that work "under the current rules". */
export function useCurrentPolicy(city: string) {
  const list = usePolicies();
  const latest = list.data
    ?.filter((p) => p.city === city)
    .sort((a, b) => b.version.localeCompare(a.version))[0];
  const policy = usePolicy(latest?.city, latest?.version);
  return { list, latest, policy };
}
