import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { Db } from '../db/connection.ts';
import { findRatingTarget } from '../directory/targets.ts';
import { page } from '../http/page-layout.ts';
import { ApiError } from '../http/api-error.ts';
import { publicBase } from '../http/public-base.ts';
import { signatureHtml, signatureText } from './signature.ts';

// Copies the snippet as rich text (what mail programs' signature editors take) and as HTML text;
// a click in a code box selects it. The button is shown by the script itself: without JavaScript
// it would do nothing (the snippet is then copied by hand). Served as /s/copy.js: the pages' Content-Security-Policy
// allows no inline script (http/page-policy.ts).
const COPY_SCRIPT = `
document.querySelectorAll('textarea.code').forEach(function (box) {
  box.addEventListener('click', function () { box.select(); });
});
var copy = document.getElementById('copy');
copy.hidden = false;
copy.addEventListener('click', async function () {
  var sig = document.getElementById('sig'), status = document.getElementById('copy-status');
  try {
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([sig.innerHTML], { type: 'text/html' }),
      'text/plain': new Blob([document.getElementById('sig-text').value], { type: 'text/plain' }),
    })]);
  } catch (e) {
    var range = document.createRange(); range.selectNodeContents(sig);
    var sel = getSelection(); sel.removeAllRanges(); sel.addRange(range); document.execCommand('copy'); sel.removeAllRanges();
  }
  status.textContent = 'Подпись скопирована — вставьте её в настройках почты.';
});`;

/**
 * `/s/:slug`: the employee previews his signature, copies it with one button and reads how to
 * put it into his mail program.
 */
export function signaturePage(deps: { db: Db; publicUrl: string | undefined; trustProxy: boolean }) {
  const app = new Hono();
  // Slugs hold no dot, so this file's name is never an employee's.
  app.get('/copy.js', (c) =>
    c.body(COPY_SCRIPT, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    }),
  );
  return app.get('/:slug', async (c) => {
    const target = await findRatingTarget(deps.db, c.req.param('slug'));
    if (target?.kind !== 'employee' || !target.employee.active) throw new ApiError(404, 'not_found');
    const base = publicBase(c, deps);
    const snippet = signatureHtml(base, target.employee);
    const api = `${base}/api/v1/employees/${encodeURIComponent(target.employee.slug)}`;
    return c.html(
      page(c, {
        lang: 'ru',
        title: `Подпись: ${target.employee.name}`,
        head: html`<meta name="robots" content="noindex">`,
        body: html`<h1>Подпись для писем: ${target.employee.name}</h1>
<p>Звёзды в подписи ведут на страницу оценки: клиент выбирает оценку, пишет комментарий и отправляет — оценка приходит вашему руководителю. Само открытие ссылки ничего не записывает, так что почтовые сканеры ссылок оценок не искажают.</p>
<div class="sig" id="sig">${raw(snippet)}</div>
<div class="actions"><button type="button" id="copy" hidden>Скопировать подпись</button><span id="copy-status" role="status"></span></div>
<h2>Как вставить</h2>
<ol>
<li><strong>Outlook</strong> (Windows, Mac): Файл → Параметры → Почта → Подписи → Создать; вставьте подпись (Ctrl+V) в поле редактора и сохраните. В Outlook в браузере и в новом Outlook: Параметры → Учётные записи → Подписи (в старом Outlook в браузере: Параметры → Почта → Создание и ответ).</li>
<li><strong>Gmail</strong>: Настройки → Все настройки → Общие → Подпись → Создать; вставьте и нажмите «Сохранить изменения» внизу страницы.</li>
<li><strong>Яндекс Почта</strong>: Настройки → Личные данные, подпись, портрет → Добавить подпись; вставьте в поле подписи.</li>
<li><strong>Почта Mail.ru</strong>: Настройки → Имя отправителя и подпись; вставьте в поле подписи и сохраните.</li>
<li><strong>Thunderbird</strong>: Настройки учётной записи → «Текст подписи»: отметьте «Использовать HTML» и вставьте HTML-код ниже (или укажите файл с ним в «Вставить подпись из файла»).</li>
<li><strong>Почта на Mac</strong> (Apple Mail): Почта → Настройки → Подписи → «+»; вставьте подпись и снимите флажок, который подгоняет подпись под шрифт сообщений по умолчанию (Always match my default message font), иначе оформление пропадёт.</li>
<li><strong>На телефоне</strong>: почтовые приложения (Gmail, Outlook, Почта iPhone) хранят свою подпись, часто только текстом: вставьте в настройках приложения текст из раздела «Для писем без оформления» ниже.</li>
</ol>
<h2>HTML-код</h2>
<p class="hint">Для программ, которые принимают подпись кодом (Thunderbird, корпоративные шаблоны). Также по адресу <a class="url" href="${api}/signature.html">${api}/signature.html</a>.</p>
<textarea class="code" readonly aria-label="HTML-код подписи">${snippet}</textarea>
<h2>Для писем без оформления</h2>
<textarea class="code" id="sig-text" readonly aria-label="Текст подписи">${signatureText(base, target.employee)}</textarea>
<script src="/s/copy.js"></script>`,
      }),
    );
  });
}
