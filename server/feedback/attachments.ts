import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { LIMITS } from '../../shared/limits.ts';
import { ApiError } from '../http/api-error.ts';
import type { InspectedFile } from '../submissions/store.ts';

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

const extension = (name: string) => name.toLowerCase().split('.').pop() ?? '';

/** Plain text has no magic bytes: accept valid UTF-8 without control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
  } catch {
    return false;
  }
}

/** Keeps the name a person gave the file, without any path or control characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001F\u007F"]/g, '')
    .trim()
    .slice(-200);
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

async function detectMime(bytes: Uint8Array, filename: string): Promise<string | null> {
  const type = await fileTypeFromBuffer(bytes);
  if (type) {
    if (ALLOWED.has(type.mime)) return type.mime;
    if (type.mime === 'application/x-cfb') return LEGACY_OFFICE[extension(filename)] ?? null;
    return null;
  }
  if (!looksLikeText(bytes)) return null;
  return extension(filename) === 'csv' ? 'text/csv' : 'text/plain';
}

/**
 * Checks the attached files by count, size and content (never by their name alone) and hashes
 * them. Throws the API's 422 (too many), 413 (too large) or 415 (forbidden type), naming `files`.
 */
export async function inspectFiles(files: File[], maxBytes: number): Promise<InspectedFile[]> {
  if (files.length > LIMITS.filesMax) throw new ApiError(422, 'validation', { files: 'filesCount' });
  if (files.some((f) => f.size > maxBytes)) throw new ApiError(413, 'too_large', { files: 'fileSize' });
  const out: InspectedFile[] = [];
  for (const file of files) {
    const content = new Uint8Array(await file.arrayBuffer());
    const filename = safeFilename(file.name);
    const mime = content.length === 0 ? null : await detectMime(content, filename);
    if (!mime) throw new ApiError(415, 'unsupported_media_type', { files: 'fileType' });
    out.push({
      filename,
      mime,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
  }
  return out;
}
