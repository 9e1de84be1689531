import type { NamedPlace } from "@luoshu/contract";
import { apiFetch } from "./client";

export type Place = NamedPlace;

/** The cities the policy files cover; public, so the notice board and the login page can list them. */
export function fetchCities(): Promise<Place[]> {
  return apiFetch("/cities");
}

/** Without a city the server answers for the caller's own city; platform admins pass one. */
export function fetchDistricts(city?: string): Promise<Place[]> {
  return apiFetch("/districts", { query: { city } });
}
