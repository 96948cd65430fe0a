// BUG: returns APR unchanged
export function aprToApy(apr: number, periods = 365): number {
  return apr;
}
