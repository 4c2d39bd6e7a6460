export const digitsOf = (s: string): number[] => [...s.replace(/\D/g, '')].map(Number);

/** Weighted digit sum, the core of most national identifier checksums. */
export const weightedSum = (digits: readonly number[], weights: readonly number[]): number =>
  weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0);
