/** The fields of `next` that differ from `before`: what a PATCH sends. */
export function changedFields<T extends object>(before: T, next: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) changes[key] = next[key];
  }
  return changes;
}

/** '' -> null for optional text the API stores as null. */
export const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);
