/** Version ordering for catalog versions, tags and Python versions. */

const PART = /\d+|[a-z]+/gi;

/**
 * Compares two versions the way people read them: numeric runs as numbers, other runs as text,
 * separators ignored, so `2.10.0` > `2.9.1`, `1.4-2-py312` > `1.4-2`, `py312` > `py39` and
 * `2.6.0` > `2.6`. Returns a negative number, zero or a positive number, like a sort comparator.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.match(PART) ?? [];
  const pb = b.match(PART) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    // A number sorts after text so that `1.0` > `1.rc` style pre-release parts.
    const d = nx && ny ? Number(x) - Number(y) : nx !== ny ? (nx ? 1 : -1) : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

/** Sorts versions newest first without changing the input. */
export function newestFirst(versions: Iterable<string>): string[] {
  return [...versions].sort((a, b) => compareVersions(b, a));
}
