/** The media type of a Content-Type header: `Application/JSON; charset=utf-8` → `application/json`; '' when there is none. */
export function mediaTypeOf(header: string | undefined): string {
  if (!header) return '';
  // Most calls ask about the same header as the last one (every reply of a route, every request of a client).
  if (header === lastHeader) return lastMedia;
  lastMedia = header.split(';', 1)[0]!.trim().toLowerCase();
  lastHeader = header;
  return lastMedia;
}
let lastHeader = '';
let lastMedia = '';
