// The demo's only script of its own, a file because the pages' Content-Security-Policy allows no
// inline script: shows the snippet an employee pastes into his mail client (ratings.html), and
// keeps the site's own sample form from leaving the page (index.html).
const signature = document.getElementById('signature');
if (signature) {
  fetch('/api/v1/employees/ivanov/signature.html')
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
    .then((html) => {
      signature.innerHTML = html;
    })
    .catch(() => {}); // the link to the signature page stays
}
for (const form of document.querySelectorAll('form[data-demo]'))
  form.addEventListener('submit', (e) => e.preventDefault());
