import { apiFetch } from "./client";
import type { Place } from "./types";

export function fetchCities(): Promise<Place[]> {
  return apiFetch("/cities");
}

/** Without a city the server answers for the caller's own city; platform admins pass one. */
export function fetchDistricts(city?: string): Promise<Place[]> {
  return apiFetch("/districts", { query: { city } });
}
