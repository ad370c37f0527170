import fs from 'node:fs';
import path from 'node:path';

/**
 * Just enough of a MIME reader (RFC 2045–2047, 2231) for tests to check what a real message
 * carries: headers, text bodies and attachments. Test support only.
 */
export interface MimePart {
  headers: Map<string, string>;
  /** The decoded body (transfer encoding undone); empty for multipart. */
  body: Buffer;
  parts: MimePart[];
}

/** Every `.eml` the file transport wrote into a folder, parsed; none while it doesn't exist. */
export function readMailDir(dir: string): MimePart[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => parseMime(fs.readFileSync(path.join(dir, f))));
}

export function parseMime(raw: string | Buffer): MimePart {
  const text = Buffer.isBuffer(raw) ? raw.toString('latin1') : Buffer.from(raw, 'utf8').toString('latin1');
  const split = /\r?\n\r?\n/.exec(text);
  const head = split ? text.slice(0, split.index) : text;
  const rest = split ? text.slice(split.index + split[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const type = params(headers.get('content-type') ?? 'text/plain');
  if (type.value.startsWith('multipart/') && type.params.boundary) {
    const boundary = `--${type.params.boundary}`;
    const chunks = rest.split(new RegExp(`\\r?\\n?${escapeRe(boundary)}`));
    const parts: MimePart[] = [];
    for (const chunk of chunks.slice(1)) {
      if (chunk.startsWith('--')) break;
      parts.push(parseMime(Buffer.from(chunk.replace(/^[ \t]*\r?\n/, ''), 'latin1')));
    }
    return { headers, body: Buffer.alloc(0), parts };
  }
  return { headers, body: decodeBody(rest, headers.get('content-transfer-encoding')), parts: [] };
}

/** A header's value with its encoded words (RFC 2047) decoded. */
export function header(part: MimePart, name: string): string | undefined {
  const v = part.headers.get(name.toLowerCase());
  return v === undefined ? undefined : decodeWords(v);
}

export function allParts(part: MimePart): MimePart[] {
  return [part, ...part.parts.flatMap(allParts)];
}

/** The first body of this type, as UTF-8 text. */
export function bodyText(part: MimePart, type: 'text/plain' | 'text/html'): string | undefined {
  const found = allParts(part).find(
    (p) => params(p.headers.get('content-type') ?? 'text/plain').value === type && !isAttachment(p),
  );
  return found?.body.toString('utf8');
}

export function attachments(
  part: MimePart,
): Array<{ filename: string; contentType: string; charset: string | undefined; content: Buffer }> {
  return allParts(part)
    .filter(isAttachment)
    .map((p) => {
      const disposition = params(p.headers.get('content-disposition') ?? '');
      const type = params(p.headers.get('content-type') ?? '');
      return {
        filename: disposition.params.filename ?? type.params.name ?? '',
        contentType: type.value,
        charset: type.params.charset,
        content: p.body,
      };
    });
}

function isAttachment(p: MimePart): boolean {
  return /^attachment/i.test(p.headers.get('content-disposition') ?? '');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function decodeBody(body: string, encoding: string | undefined): Buffer {
  const enc = (encoding ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (enc === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1');
  }
  return Buffer.from(body.replace(/\r?\n$/, ''), 'latin1');
}

/** `type/sub; a=b; c*=utf-8''%D0%B0; d*0*=…; d*1*=…` → value and decoded parameters. */
function params(value: string): { value: string; params: Record<string, string> } {
  const [first = '', ...rest] = value.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
  const pieces: Record<string, { order: number; text: string; encoded: boolean }[]> = {};
  for (const item of rest) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const key = item.slice(0, eq).trim().toLowerCase();
    let val = item.slice(eq + 1).trim();
    if (val.startsWith('"')) val = val.slice(1, -1).replace(/\\(.)/g, '$1');
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(key);
    if (!m) continue;
    pieces[m[1]!] ??= [];
    pieces[m[1]!]!.push({ order: Number(m[2] ?? 0), text: val, encoded: m[3] === '*' });
  }
  const out: Record<string, string> = {};
  for (const [key, list] of Object.entries(pieces)) {
    list.sort((a, b) => a.order - b.order);
    if (list.some((p) => p.encoded)) {
      const joined = list
        .map((p, i) =>
          p.encoded ? (i === 0 ? p.text.replace(/^[^']*'[^']*'/, '') : p.text) : encodeURIComponent(p.text),
        )
        .join('');
      out[key] = decodeURIComponent(joined);
    } else {
      out[key] = decodeWords(list.map((p) => p.text).join(''));
    }
  }
  return { value: first.trim().toLowerCase(), params: out };
}

function decodeWords(value: string): string {
  const decoded = value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('latin1')
        : data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    );
  return Buffer.from(decoded, 'latin1').toString('utf8');
}
