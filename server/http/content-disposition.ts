/**
 * `Content-Disposition: attachment` for a download: `filename*` of RFC 6266/8187 (UTF-8,
 * percent-encoded) and a plain ASCII `filename` for old clients.
 * @example contentDisposition('отчёт.pdf') // `attachment; filename="_____.pdf"; filename*=UTF-8''%D0%BE…`
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
