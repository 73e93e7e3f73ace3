// Which addresses may become a clickable link in the panel: http(s) only. Anything else a page
// or an imported file may carry (javascript:, data:, file:, chrome:…) stays plain text.

/** The normalised http(s) address, or null when `url` must not be a link. */
export function httpLink(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
