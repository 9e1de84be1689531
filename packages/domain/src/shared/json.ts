/** Any JSON value: what jsonb stores, what JSON.parse gives back. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
