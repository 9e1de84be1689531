import { useQuery } from "@tanstack/react-query";
import { fetchCities, fetchDistricts, type Place } from "../../api/reference";

/** The cities the policy files cover; they change with a release, not during a session. */
export function useCities(enabled = true) {
  return useQuery({
    queryKey: ["cities"],
    queryFn: fetchCities,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDistricts(city?: string, enabled = true) {
  return useQuery({
    queryKey: ["districts", city ?? "own"],
    queryFn: () => fetchDistricts(city),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The city a page starts on: the signed-in user's own, else the first the server lists. */
export function defaultCity(cities: readonly Place[], ownCity: string | undefined): Place | undefined {
  return cities.find((c) => c.code === ownCity) ?? cities[0];
}
