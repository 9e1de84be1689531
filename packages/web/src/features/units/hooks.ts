import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchCities, fetchDistricts } from "../../api/reference";
import { createUnit, fetchUnits, type UnitInput, type UnitQuery, updateUnit } from "../../api/units";

export function useUnits(q: UnitQuery) {
  return useQuery({
    queryKey: ["units", q],
    queryFn: () => fetchUnits(q),
    placeholderData: keepPreviousData,
  });
}

export function useCities(enabled: boolean) {
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

/**
 * Cities and the districts of the chosen one, for pickers. Platform staff choose a city first; everyone
 * else is held to their own city, whose districts the server gives without one.
 */
export function usePlaces(isPlatform: boolean, city: string | undefined, enabled = true) {
  const cities = useCities(isPlatform && enabled);
  const districts = useDistricts(isPlatform ? city : undefined, enabled && (!isPlatform || Boolean(city)));
  return { cities, districts };
}

export function useSaveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: UnitInput }) =>
      id ? updateUnit(id, input) : createUnit(input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["units"] }),
  });
}

/**
 * District code → place, across every city the caller may see. Codes are national (GB/T 2260), so
 * one map serves platform administrators, who see users of all cities, as well as city staff.
 */
export function useDistrictLookup(isPlatform: boolean) {
  const cities = useCities(isPlatform);
  const cityCodes: (string | undefined)[] = isPlatform ? (cities.data ?? []).map((c) => c.code) : [undefined];
  const results = useQueries({
    queries: cityCodes.map((city) => ({
      queryKey: ["districts", city ?? "own"],
      queryFn: () => fetchDistricts(city),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const byCode = new Map(results.flatMap((r) => r.data ?? []).map((d) => [d.code, d]));
  return { byCode, cities: cities.data ?? [] };
}
