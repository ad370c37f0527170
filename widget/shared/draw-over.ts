/**
 * Draws the widget over a hosted page's plain form and puts the client back where he was on it
 * (a slow connection: he began there before the widget came): the widget's field of the same name
 * (a radio of the same value) focused, with his caret and selection. Keystrokes went nowhere once
 * the plain form was hidden under the widget.
 * @example drawOver(host, container, draw)
 */
export function drawOver(host: HTMLElement, container: Element, draw: () => void) {
  const was = document.activeElement as HTMLInputElement;
  draw();
  if (!host.contains(was)) return;
  const field = container.querySelector<HTMLInputElement>(
    `[name="${was.name}"]${was.type === 'radio' ? `[value="${was.value}"]` : ''}`,
  );
  field?.focus();
  // No caret in a checkbox, nor one a script may read in type=email.
  if (was.selectionStart != null)
    field?.setSelectionRange(was.selectionStart, was.selectionEnd, was.selectionDirection as 'none');
}
