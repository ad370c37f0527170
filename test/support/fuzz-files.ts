import zlib from 'node:zlib';
import fc from 'fast-check';
import { PDF_BYTES } from './test-app.ts';

const enc = new TextEncoder();

/** A PNG's signature and header: recognised as an image by its magic bytes. */
export const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0,
  0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);

/** File names a hostile client sends: traversal, control characters, bidi overrides, header breakers. */
export const HOSTILE_FILENAMES = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\system32\\drivers\\etc\\hosts',
  '/etc/shadow',
  'C:\\boot.ini',
  '....//....//x.pdf',
  '%2e%2e%2fx.pdf',
  'отчёт\u202Egpj.exe',
  'a\r\nContent-Type: text/html\r\n\r\n<script>x</script>.pdf',
  'x\u0000.pdf.exe',
  '"; filename="evil.html',
  '',
  '.',
  '..',
  ' ',
  `${'я'.repeat(300)}.pdf`,
  'CON.pdf',
  'x.pdf\u200B',
  '<img src=x onerror=alert(1)>.png',
];

/** Contents whose type a name may lie about. */
const CONTENTS: Record<string, Uint8Array> = {
  pdf: PDF_BYTES,
  png: PNG_BYTES,
  html: enc.encode('<!doctype html><script>alert(document.cookie)</script>'),
  text: enc.encode('Обычный текст отчёта'),
  exe: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]),
  svg: enc.encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  polyglot: new Uint8Array([...PNG_BYTES, ...enc.encode('<html><script>alert(1)</script></html>')]),
  empty: new Uint8Array(),
  binary: new Uint8Array([0, 1, 2, 3, 0xfe, 0xff, 0, 7]),
};

/** A file as a client attaches it: a name (maybe hostile, maybe lying) and a content. */
export const hostileFile = fc.record({
  filename: fc.oneof(
    fc.constantFrom(...HOSTILE_FILENAMES),
    fc.constantFrom('photo.jpg', 'scan.pdf', 'page.html', 'report.docx', 'readme.txt', 'image.svg', 'noext'),
  ),
  content: fc.constantFrom(...Object.keys(CONTENTS)).map((k) => CONTENTS[k]!),
  type: fc.constantFrom('application/octet-stream', 'application/pdf', 'text/html', 'image/png', ''),
});

/** A zip entry written whole: its name, the deflated data and what it claims to expand to. */
interface ZipEntry {
  name: string;
  data: Uint8Array;
  size: number;
  crc: number;
}

/**
 * `bytes` zeros deflated in independent 1 MB blocks (a full flush after each), so the test writes
 * a gigabyte's compressed form in milliseconds without ever holding the gigabyte.
 */
function deflatedZeros(megabytes: number): { data: Uint8Array; size: number; crc: number } {
  const mb = Buffer.alloc(1024 * 1024);
  const block = zlib.deflateRawSync(mb, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const end = zlib.deflateRawSync(Buffer.alloc(0)); // the final, empty block
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), end]);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = zlib.crc32(mb, crc);
  return { data: new Uint8Array(data), size: megabytes * mb.length, crc };
}

function storedEntry(name: string, text: string): ZipEntry {
  const raw = Buffer.from(text);
  return { name, data: new Uint8Array(zlib.deflateRawSync(raw)), size: raw.length, crc: zlib.crc32(raw) };
}

/** A .zip (PKZIP, deflate) of these entries: local headers, data, central directory, end record. */
function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/**
 * A .docx that expands hugely: a real [Content_Types].xml and a `word/document.xml` of `gigabytes`
 * of zeros (about 1 MB compressed per gigabyte), or with `bombTypes` the [Content_Types].xml itself
 * the bomb, which is what a type sniffer reads.
 */
export function zipBombDocx(opts: { megabytes: number; bombTypes?: boolean }): Uint8Array {
  const bomb = deflatedZeros(opts.megabytes);
  return opts.bombTypes
    ? zip([{ name: '[Content_Types].xml', ...bomb }, storedEntry('word/document.xml', '<w:document/>')])
    : zip([storedEntry('[Content_Types].xml', CONTENT_TYPES), { name: 'word/document.xml', ...bomb }]);
}
