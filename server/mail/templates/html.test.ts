import { describe, expect, it } from 'vitest';
import { escapeHtml, html, multiline } from './html.ts';

describe('mail HTML', () => {
  it('escapes every interpolated value, but not HTML built by html itself', () => {
    const user = `<img src=x onerror=alert(1)> "&'`;
    const inner = html`<b>${user}</b>`;
    expect(html`<p title="${user}">${inner}${[user, 1]}${null}${false}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;"><b>&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;</b>&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;1</p>',
    );
    expect(escapeHtml('a&amp;b')).toBe('a&amp;amp;b');
  });

  it('keeps line breaks of user text as <br>, escaped', () => {
    expect(multiline('one <b>\r\ntwo\rthree\n\nfour').value).toBe('one &lt;b&gt;<br>\ntwo<br>\nthree<br>\n<br>\nfour');
  });
});
