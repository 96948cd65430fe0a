/**
 * The first index in [0, length) at which `before(i)` is false, for a predicate that is true on a prefix and false
 * after it (a lower/upper bound in a sorted array, as Rust's `partition_point`). Rules use it to find what starts at
 * or after an offset in lists sorted by position instead of scanning them whole.
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
