import { PassThrough, Readable } from 'node:stream';
import { csvChunks } from './csv.ts';
import type { Cell, StreamedReport } from './table.ts';

type Rows = Array<Record<string, Cell>>;

/** How a streamed file ended: every row written, or not (the client went away, or an error). */
export type Finish = (rows: number, complete: boolean) => Promise<void>;

/**
 * The pages, counted as they are written. `finish` runs once: after the last page and before the
 * file's end (so a client holding the whole file finds it done), or when the file stops early.
 */
async function* counted(pages: AsyncIterable<Rows>, finish: Finish, failed: (err: unknown) => void) {
  let rows = 0;
  let complete = false;
  try {
    for await (const page of pages) {
      yield page;
      rows += page.length;
    }
    complete = true;
    await finish(rows, true);
  } finally {
    if (!complete) await finish(rows, false).catch(failed);
  }
}

/**
 * A streamed report's file as a web stream of bytes for `c.body()`, read page by page only as the
 * client takes it. Its headers are sent before its first page is read, so a later error can't be
 * a 500 any more: it goes to `failed` and the stream is aborted, which cuts the download short
 * (no chunked transfer's last chunk), and the client sees a broken file rather than a short one.
 * @example c.body(streamedFile(inboxReport(…), 'csv', audit, log), 200, headers)
 */
export function streamedFile(
  report: StreamedReport,
  format: 'csv' | 'xlsx',
  finish: Finish,
  failed: (err: unknown) => void,
): ReadableStream<Uint8Array> {
  const counting = { ...report, pages: counted(report.pages, finish, failed) };
  let out: Readable;
  if (format === 'csv') out = Readable.from(csvChunks(counting), { objectMode: false });
  else {
    const pass = new PassThrough();
    // exceljs loads on the first XLSX asked for: at start it cost every instance 270 ms and 29 MB.
    import('./xlsx-stream.ts')
      .then(({ writeXlsx }) => writeXlsx(counting, pass))
      .catch((err: unknown) => pass.destroy(err as Error));
    out = pass;
  }
  out.on('error', failed);
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
