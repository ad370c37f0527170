import { describe, expect, it } from 'vitest';
import { ACCEPTED_FILES } from '../../shared/limits.ts';
import { ALLOWED } from './attachments.ts';

// What each extension of the picker is, as the server recognises it by content.
const BY_EXTENSION: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.rtf': 'application/rtf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  // Recognised apart: text by being UTF-8, Office 97–2003 by its container and its name.
  '.txt': 'text',
  '.csv': 'text',
  '.doc': 'cfb',
  '.xls': 'cfb',
  '.ppt': 'cfb',
};

describe('the picker offers what the server takes', () => {
  it('names an extension for every type the server accepts, and none it refuses', () => {
    const offered = ACCEPTED_FILES.split(',');
    expect(offered.every((ext) => ext in BY_EXTENSION)).toBe(true);
    expect(new Set(offered)).toEqual(new Set(Object.keys(BY_EXTENSION)));
    const types = new Set(offered.map((ext) => BY_EXTENSION[ext]));
    for (const mime of ALLOWED) expect(types, mime).toContain(mime);
  });
});
