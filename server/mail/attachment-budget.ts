import type { AttachmentInfo } from './templates/feedback-notification.ts';

/**
 * Which files the QMS notification carries: in the order they were sent, each that still fits
 * `maxBytes` together with those before it (MAIL_ATTACH_MB); every other one is listed with
 * `link`, the card where the console serves it. Mail servers refuse messages of 10–25 MB (Postfix
 * by default over 10,240,000 bytes, for good), and five files of 10 MB made one of 72 MB (issue 14);
 * so a file counts as sent, in base64, not as stored: 7 MB of PDF is 9.5 MB of mail.
 * @example budgetAttachments(files, 9 * 1024 * 1024, cardLink(config, id)).attachedIds
 */
export function budgetAttachments<T extends AttachmentInfo & { id: string }>(
  files: readonly T[],
  maxBytes: number,
  link: string,
): { listed: T[]; attachedIds: string[] } {
  let room = maxBytes;
  const attachedIds: string[] = [];
  const listed = files.map((file) => {
    const sent = encodedSize(file.size);
    if (sent > room) return { ...file, link };
    room -= sent;
    attachedIds.push(file.id);
    return file;
  });
  return { listed, attachedIds };
}

/**
 * A file's size in a message: base64 (4 bytes for every 3) in lines of 76 with CRLF (RFC 2045).
 * @example encodedSize(3_000_000) // 4_105_264
 */
export function encodedSize(bytes: number): number {
  const base64 = 4 * Math.ceil(bytes / 3);
  return base64 + 2 * Math.ceil(base64 / 76);
}
