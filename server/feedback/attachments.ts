import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { Context } from 'hono';
import { FILES_MAX } from '../../shared/limits.ts';
import type { Config } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import type { FileCheck, UploadRules } from '../http/multipart.ts';
import { uploadFolder, uploadsRoot } from '../http/upload-dir.ts';
import { cleanFilename, extensionOf, storedFilename } from './file-name.ts';

/** Types recognised by their magic bytes that a client may attach (shared/limits.ts ACCEPTED_FILES names their extensions). */
export const ALLOWED = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'image/bmp',
  'image/tiff',
  'application/pdf',
  'application/rtf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/** Word 97–2003 and its siblings are OLE compound files; file-type can only say «CFB». */
const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/**
 * How much of a file is looked at as it arrives: every signature file-type knows lies within it,
 * but a ZIP's entries (which tell a .docx from a .zip) may lie further, so the final word is the
 * whole file's, read from disk.
 */
const SNIFF_BYTES = 64 * 1024;

/** A type file-type found, as stored: an accepted MIME type, or null. */
function acceptedType(mime: string, filename: string): string | null {
  if (ALLOWED.has(mime)) return mime;
  if (mime === 'application/x-cfb') return LEGACY_OFFICE[extensionOf(filename)] ?? null;
  return null;
}

/** Plain text has no magic bytes: valid UTF-8 without control characters, checked chunk by chunk. */
function textCheck() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let ok = true;
  const test = (decode: () => string) => {
    try {
      if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(decode())) ok = false;
    } catch {
      ok = false;
    }
  };
  return {
    push: (chunk: Uint8Array) => ok && test(() => decoder.decode(chunk, { stream: true })),
    failed: () => !ok,
    end: () => {
      if (ok) test(() => decoder.decode());
      return ok;
    },
  };
}

const refused = (name: string) =>
  new ApiError(415, 'unsupported_media_type', { files: 'fileType' }, { named: { files: name } });

/**
 * Checks one attached file by its content (never by its name alone) as it arrives: a type that
 * can't be accepted is refused (415 naming `files`) once its first bytes are in, and the whole
 * file decides the type it is stored as, and so the extension of its name (file-name.ts).
 */
export function attachmentCheck(clientName: string): FileCheck {
  const name = cleanFilename(clientName);
  const text = textCheck();
  let head: Buffer[] = [];
  let headBytes = 0;
  let onlyText: boolean | undefined;
  return {
    name,
    async push(chunk) {
      text.push(chunk);
      if (onlyText === undefined) {
        head.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        headBytes += chunk.byteLength;
        if (headBytes < SNIFF_BYTES) return;
        const type = await fileTypeFromBuffer(Buffer.concat(head));
        head = [];
        // A ZIP may yet turn out an accepted office file; any other type is known now.
        if (type && type.mime !== 'application/zip' && !acceptedType(type.mime, name)) throw refused(name);
        onlyText = !type;
      }
      if (onlyText && text.failed()) throw refused(name);
    },
    async finish(file, size) {
      // Nothing to look at, not a wrong kind of file: said so, not «such files are not accepted».
      if (size === 0) throw new ApiError(422, 'validation', { files: 'fileEmpty' }, { named: { files: name } });
      const type = await fileTypeFromFile(file);
      const mime = type ? acceptedType(type.mime, name) : text.end() ? textType(name) : null;
      if (!mime) throw refused(name);
      return { filename: storedFilename(name, mime), mime };
    },
  };
}

const textType = (name: string) => (extensionOf(name) === 'csv' ? 'text/csv' : 'text/plain');

/**
 * How the feedback takes files: at most FILES_MAX of `maxFileBytes` each, checked by
 * content as they arrive, waiting under `<DATA_DIR>/tmp` until the request ends.
 */
export const attachmentRules = (c: Context, config: Pick<Config, 'maxFileBytes' | 'dataDir'>): UploadRules => ({
  maxCount: FILES_MAX,
  maxBytes: config.maxFileBytes,
  check: attachmentCheck,
  folder: () => uploadFolder(c, uploadsRoot(config.dataDir)),
});
