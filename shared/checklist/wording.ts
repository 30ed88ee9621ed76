// Small helpers for sentences built from lists.

/** "A", "A or B", "A, B or C" (likewise with "and"). */
export function listOf(names: readonly string[], conjunction: 'and' | 'or'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}
