import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchDistricts } from "../../api/reference";
import {
  createUnit,
  fetchUnits,
  type UnitInput,
  type UnitQuery,
  type UnitUpdateBody,
  updateUnit,
} from "../../api/units";
import { useCities, useDistricts } from "../reference/hooks";

export function useUnits(q: UnitQuery) {
  return useQuery({
    queryKey: ["units", q],
    queryFn: () => fetchUnits(q),
    placeholderData: keepPreviousData,
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

/** An edit sends only the unit's own fields: the server refuses a city there, since it never changes. */
export type UnitSave = { id: string; input: UnitUpdateBody } | { input: UnitInput };

export function useSaveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: UnitSave) => ("id" in v ? updateUnit(v.id, v.input) : createUnit(v.input)),
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
