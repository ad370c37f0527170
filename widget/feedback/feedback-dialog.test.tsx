import { afterEach, expect, it } from 'vitest';
import { FORM_TEXTS } from '../../shared/i18n.ts';
import { settle, setup } from './test-helpers.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

it('opens the form in a named modal dialog and gives the focus back to the button on close', async () => {
  const launcher = document.createElement('button');
  document.body.append(launcher);
  const w = setup({}, launcher);
  const dialog = w.$<HTMLDialogElement>('dialog')!;
  expect(dialog.open).toBe(false);
  expect(w.root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe(FORM_TEXTS.ru.title);

  w.widget.open!();
  expect(dialog.open).toBe(true);
  expect(dialog.contains(w.root.activeElement)).toBe(true);
  expect(w.root.activeElement).toBe(w.$('input[value="thanks"]'));

  w.$<HTMLButtonElement>(`button[aria-label="${FORM_TEXTS.ru.close}"]`)!.click();
  await settle();
  expect(dialog.open).toBe(false);
  expect(document.activeElement).toBe(launcher);
});
