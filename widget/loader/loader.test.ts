import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MountOptions, WidgetChunk } from './contract.ts';
import { defineWidget } from './define-widget.ts';
import { scriptBase } from './script-base.ts';

const BASE = 'https://feedback.test/';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
let seq = 0;

/** A widget defined under a fresh tag with a fake chunk that records its mounts. */
function fakeWidget() {
  const tag = `x-widget-${++seq}`;
  const mounts: Array<{ host: HTMLElement; options: MountOptions }> = [];
  const open = vi.fn();
  const chunk: WidgetChunk = {
    mount(host, options) {
      mounts.push({ host, options });
      options.root.append(Object.assign(document.createElement('p'), { textContent: 'widget' }));
      return { open };
    },
  };
  const importer = vi.fn(async (_url: string) => chunk);
  defineWidget(tag, `chunk${seq}`, BASE, importer);
  return { tag, mounts, open, importer };
}

/** Catches the IntersectionObserver the loader creates, to say when the element comes near. */
function fakeIntersectionObserver() {
  const observers: Array<{ callback: IntersectionObserverCallback; targets: Element[] }> = [];
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      targets: Element[] = [];
      constructor(callback: IntersectionObserverCallback) {
        observers.push({ callback, targets: this.targets });
      }
      observe(target: Element) {
        this.targets.push(target);
      }
      disconnect() {
        this.targets.length = 0;
      }
    },
  );
  return {
    intersect: () => {
      for (const o of observers) {
        if (o.targets.length)
          o.callback(o.targets.map((target) => ({ target, isIntersecting: true })) as never, {} as never);
      }
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('loader', () => {
  it('finds the server next to the script', () => {
    expect(scriptBase('https://feedback.example.ru/embed.js?v=2', 'https://site.ru/page')).toBe(
      'https://feedback.example.ru/',
    );
    expect(scriptBase('http://127.0.0.1:8787/otklik/embed.js', 'https://site.ru/')).toBe(
      'http://127.0.0.1:8787/otklik/',
    );
    expect(scriptBase(undefined, 'https://site.ru/a/page.html')).toBe('https://site.ru/a/');
  });

  it('leaves the server-rendered form visible until the widget comes near the viewport, then replaces it', async () => {
    const io = fakeIntersectionObserver();
    const w = fakeWidget();
    const el = document.createElement(w.tag);
    el.innerHTML = '<form method="post" action="/f"><textarea name="message"></textarea></form>';
    document.body.append(el);
    await settle();
    expect(w.importer).not.toHaveBeenCalled();
    expect(el.shadowRoot).toBeNull(); // the plain form still renders

    io.intersect();
    await settle();
    expect(w.importer).toHaveBeenCalledWith(`${BASE}w/chunk${seq}.js`);
    expect(w.mounts).toHaveLength(1);
    expect(w.mounts[0]!.options).toMatchObject({ base: BASE, root: el.shadowRoot });
    expect(el.shadowRoot!.textContent).toBe('widget');
    expect(el.shadowRoot!.querySelector('slot')).toBeNull(); // so the light DOM is not rendered
  });

  it('loads each chunk once for many elements', async () => {
    const io = fakeIntersectionObserver();
    const w = fakeWidget();
    document.body.append(document.createElement(w.tag), document.createElement(w.tag));
    io.intersect();
    await settle();
    expect(w.importer).toHaveBeenCalledTimes(1);
    expect(w.mounts).toHaveLength(2);
  });

  it('draws the floating button at once and loads the widget only when it is wanted', async () => {
    const w = fakeWidget();
    const el = document.createElement(w.tag);
    el.setAttribute('mode', 'button');
    el.setAttribute('lang', 'en');
    document.body.append(el);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('Leave feedback');
    expect(w.importer).not.toHaveBeenCalled();

    button.dispatchEvent(new Event('focus')); // a prefetch
    await settle();
    expect(w.importer).toHaveBeenCalledTimes(1);
    expect(w.mounts).toHaveLength(0);

    button.click();
    await settle();
    button.click();
    await settle();
    expect(w.mounts).toHaveLength(1);
    expect(w.mounts[0]!.options.launcher).toBe(button);
    expect(w.open).toHaveBeenCalledTimes(2);
  });

  it('says «Оставить отзыв» in Russian by default', () => {
    const w = fakeWidget();
    const el = document.createElement(w.tag);
    el.setAttribute('mode', 'button');
    document.body.append(el);
    expect(el.shadowRoot!.querySelector('button')!.textContent).toBe('Оставить отзыв');
  });

  it("follows the page changing the floating button's lang and accent, as the widget does", async () => {
    // happy-dom's CSS.supports says yes to anything; a browser's, to colours only (test/ checks one).
    vi.stubGlobal('CSS', { supports: (_: string, value: string) => /^#[\da-f]{6}$/.test(value) });
    const w = fakeWidget();
    const el = document.createElement(w.tag);
    el.setAttribute('mode', 'button');
    document.body.append(el);
    const button = el.shadowRoot!.querySelector('button')!;
    el.setAttribute('lang', 'en');
    el.setAttribute('accent', '#0b62c4');
    await settle();
    expect(button.textContent).toBe('Leave feedback');
    expect(button.style.getPropertyValue('--otklik-accent')).toBe('#0b62c4');
    el.removeAttribute('lang');
    el.removeAttribute('accent');
    await settle();
    expect(button.textContent).toBe('Оставить отзыв');
    expect(button.style.getPropertyValue('--otklik-accent')).toBe('');
  });

  it("opens the hosted form in the button's language when the widget can't load", async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const tag = `x-widget-${++seq}`;
    defineWidget(tag, `chunk${seq}`, BASE, async () => {
      throw new TypeError('Failed to fetch');
    });
    const el = document.createElement(tag);
    el.setAttribute('mode', 'button');
    el.setAttribute('lang', 'en');
    document.body.append(el);
    el.shadowRoot!.querySelector('button')!.click();
    await settle();
    expect(assign).toHaveBeenCalledWith(`${BASE}f?lang=en`);
  });
});
