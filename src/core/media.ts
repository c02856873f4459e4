/** The media type of a Content-Type header: `Application/JSON; charset=utf-8` → `application/json`; '' when there is none. */
export function mediaTypeOf(header: string | undefined): string {
  if (!header) return '';
  return header.split(';', 1)[0]!.trim().toLowerCase();
}
