import { afterEach, expect, it, vi } from 'vitest';
import { FORM_TEXTS } from '../../shared/i18n.ts';
import { created, fillValid, settle, setup, stubFetch, submit } from './test-helpers.ts';

// No minimum fill time to wait out before sending (feedback-proof-of-work.test.tsx tests the wait).
vi.mock('../../shared/limits.ts', async (original) => ({
  ...(await original<typeof import('../../shared/limits.ts')>()),
  MIN_FILL_MS: { feedback: 0, rating: 0 },
}));

afterEach(() => {
  vi.unstubAllGlobals();
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

it("reopened after a send, puts the focus on the thanks, an h2 beside the dialog's h2 title", async () => {
  stubFetch(created('2026-00051'));
  const launcher = document.createElement('button');
  document.body.append(launcher);
  const w = setup({}, launcher);
  const dialog = w.$<HTMLDialogElement>('dialog')!;
  w.widget.open!();
  await fillValid(w);
  await submit(w);
  dialog.close();
  await settle();

  w.widget.open!();
  // The dialog's outline: its title, then the thanks at the same level, no level skipped.
  expect([...w.root.querySelectorAll('h1, h2, h3, h4')].map((h) => h.tagName)).toEqual(['H2', 'H2']);
  expect(w.root.activeElement).toBe(w.$('.done h2'));
  expect(w.root.activeElement!.textContent).toBe('Ваша заявка принята!');
});
