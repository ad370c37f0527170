/** A piece of HTML that is already safe: built by `html`, or by a helper that escaped its input. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Part = SafeHtml | string | number | null | undefined | false | ReadonlyArray<Part>;

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/**
 * Tagged template for mail HTML: every interpolated value is escaped unless it is `SafeHtml`
 * (the result of another `html` call), so user text can't add markup to a message.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Escaped text with its line breaks kept: mail clients ignore `white-space: pre-wrap` (Outlook). */
export function multiline(text: string): SafeHtml {
  return new SafeHtml(text.replace(/\r\n?/g, '\n').split('\n').map(escapeHtml).join('<br>\n'));
}
