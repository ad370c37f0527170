/**
 * The extensions each accepted type may carry (shared/limits.ts ACCEPTED_FILES); the first is the
 * one a name gets when it has none of them.
 */
export const EXTENSIONS: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif'],
  'image/heif': ['heif', 'heic'],
  'image/avif': ['avif'],
  'image/bmp': ['bmp'],
  'image/tiff': ['tif', 'tiff'],
  'application/pdf': ['pdf'],
  'application/rtf': ['rtf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
};

/** The part after the last dot, lower case; '' for none. */
export const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * Keeps the name a person gave the file, without any path, control characters or Unicode format
 * characters (Cf: bidi overrides and isolates, zero-width ones, the BOM): U+202E makes
 * «отчёт‮gpj.exe» read «отчётexe.jpg» in a mailbox, and mail clients open a file by its extension.
 * @example cleanFilename('C:\\Users\\a\\отчёт\u202Egpj.exe') // 'отчётgpj.exe'
 */
export function cleanFilename(name: string): string {
  const base =
    name
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"]/gu, '')
      .split(/[\\/]/)
      .pop() ?? '';
  const clean = base
    .trim()
    .replace(/[. ]+$/, '')
    .slice(-200);
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/**
 * The name a file is stored, shown and mailed under: its clean name, with the extension of the
 * type its content was recognised as added when the name says another, so no client opens a
 * text as a web page or a picture as a program.
 * @example storedFilename('отчёт.html', 'text/plain') // 'отчёт.html.txt'
 * @example storedFilename('x.html', 'image/png') // 'x.html.png'
 */
export function storedFilename(name: string, mime: string): string {
  const clean = cleanFilename(name);
  const allowed = EXTENSIONS[mime];
  if (!allowed || allowed.includes(extensionOf(clean))) return clean;
  return `${clean}.${allowed[0]}`;
}
