import type { AssignmentInstance } from "../assignment.types.ts";

/** A seeded uniform instance of a given size, for example-based tests that need more than a handful. */
export function uniformInstance(
  n: number,
  m: number,
  k: number,
  units: number,
  seed: number,
): AssignmentInstance {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const experts = Array.from({ length: m }, (_, j) => ({
    id: `E${j}`,
    unitId: `u${Math.floor(next() * units)}`,
  }));
  const applications = Array.from({ length: n }, (_, i) => ({
    id: `A${i}`,
    unitIds: [`u${Math.floor(next() * units)}`],
  }));
  const affinity = Array.from({ length: n }, () => Array.from({ length: m }, () => next()));
  const conflicts: [number, number][] = [];
  for (let c = 0; c < n; c++) conflicts.push([Math.floor(next() * n), Math.floor(next() * m)]);
  const average = (n * k) / m;
  return {
    reviewersPerApplication: k,
    minLoad: Math.floor(average * 0.5),
    maxLoad: Math.ceil(average * 1.4),
    applications,
    experts,
    affinity,
    conflicts,
  };
}
