import { Writable } from 'node:stream';

/**
 * A destination for the server's logger that keeps each JSON line it writes, parsed.
 * @example const log = logLines(); createLogger('info', log.sink); … expect(log.lines).toEqual([…])
 */
export function logLines() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { sink, lines };
}
