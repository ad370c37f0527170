import type { AttachmentInfo } from './templates/feedback-notification.ts';

/**
 * Which files the QMS notification carries: in the order they were sent, each that still fits
 * `maxBytes` together with those before it (MAIL_ATTACH_MB); every other one is listed with
 * `link`, the card where the console serves it. Mail servers refuse messages of 10–25 MB, base64
 * adds a third, and five files of 10 MB made one of 72 MB (issue 14).
 * @example budgetAttachments(files, 10 * 1024 * 1024, cardLink(config, id)).attachedIds
 */
export function budgetAttachments<T extends AttachmentInfo & { id: string }>(
  files: readonly T[],
  maxBytes: number,
  link: string,
): { listed: T[]; attachedIds: string[] } {
  let room = maxBytes;
  const attachedIds: string[] = [];
  const listed = files.map((file) => {
    if (file.size > room) return { ...file, link };
    room -= file.size;
    attachedIds.push(file.id);
    return file;
  });
  return { listed, attachedIds };
}
