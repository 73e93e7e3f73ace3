// Bounding strings to the facts' limits (zod counts UTF-16 code units), without splitting a
// surrogate pair.

function cutUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // would leave half a pair
  return text.slice(0, end);
}

/** Whitespace collapsed, cut to `max` units with an ellipsis when cut. */
export function fit(text: string, max: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length <= max ? collapsed : `${cutUnits(collapsed, max - 1)}…`;
}

/** A URL or a name, cut to `max` units as it is (no ellipsis: the rest is lost, not rewritten). */
export function fitRaw(text: string, max: number): string {
  return cutUnits(text, max);
}
