import { afterEach, expect, it, vi } from 'vitest';
import { click, json, META, openConsole, pressEscape, settle, signedIn, stubApi } from './testing/helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

it('closes the phone menu with Escape, on its button as on a link inside, the focus on the button', async () => {
  stubApi({ 'GET me': signedIn(), 'GET meta': json(200, META), 'GET inbox': json(200, { items: [], total: 0 }) });
  const c = await openConsole('/admin/');
  const toggle = c.$<HTMLButtonElement>('.menu-toggle')!;
  await click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  await pressEscape(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await click(toggle);
  await pressEscape(c.$('#site-menu a')!);
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await settle();
  expect(document.activeElement).toBe(toggle);
});

it('closes the phone menu when the focus moves on past it, so the tall bar covers nothing focused', async () => {
  stubApi({ 'GET me': signedIn(), 'GET meta': json(200, META), 'GET inbox': json(200, { items: [], total: 0 }) });
  const c = await openConsole('/admin/');
  const toggle = c.$<HTMLButtonElement>('.menu-toggle')!;
  await click(toggle);
  const links = c.$$<HTMLAnchorElement>('#site-menu a');
  // Moving within the menu keeps it open.
  links[0]!.focus();
  links[1]!.focus();
  await settle();
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  c.$<HTMLElement>('main h1')!.focus();
  await settle();
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
});
