// PeerDesk's page behaviour that HTML attributes cannot express (no inline scripts: the CSP forbids them).
(function () {
  // toasts: dismiss on click, fade after a while
  document.addEventListener('click', function (e) {
    var close = e.target.closest('.toast-close');
    if (close) { close.closest('.toast').remove(); }
  });
  function ageToasts(root) {
    (root || document).querySelectorAll('.toast:not([data-aged])').forEach(function (t) {
      t.setAttribute('data-aged', '');
      setTimeout(function () { t.remove(); }, 8000);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { ageToasts(); });
  document.addEventListener('htmx:afterSwap', function () { ageToasts(); });
  function showToast(kind, message) {
    var region = document.getElementById('toasts');
    if (!region || !message) { return; }
    var toast = document.createElement('div');
    toast.className = 'toast ' + (kind || '');
    toast.setAttribute('role', 'alert');
    var text = document.createElement('span');
    text.textContent = message;
    var close = document.createElement('button');
    close.type = 'button'; close.className = 'toast-close'; close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '\u00d7';
    toast.append(text, close);
    region.append(toast);
    ageToasts(region);
  }
  // a toast sent with an HTMX response's HX-Trigger header (Toasts.trigger): {"toast": {kind, message}}
  document.addEventListener('toast', function (e) {
    if (e.detail) { showToast(e.detail.kind, e.detail.message); }
  });
  // htmx swaps nothing on a 4xx/5xx answer: say what happened instead of doing nothing
  document.addEventListener('htmx:responseError', function (e) {
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    var message = status === 401 ? 'Your session has ended: reload the page to sign in again.'
      : status === 403 ? 'Not allowed, or this page has expired: reload it and try again.'
      : status === 404 ? 'Not found: it may have been removed. Reload the page.'
      : 'Something went wrong (status ' + status + '). Try again, or reload the page.';
    showToast('error', message);
  });
  document.addEventListener('htmx:sendError', function () {
    showToast('error', 'The portal cannot be reached. Check your connection and try again.');
  });
  // "Copy" buttons next to a value shown once (a new secret): data-copy names the element to copy
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-copy]');
    if (!button) { return; }
    var source = document.getElementById(button.dataset.copy);
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () { button.textContent = 'Copied'; });
    }
  });
  // one submit per form, even on a double click: the button is disabled until the page answers
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.dataset.submitting === 'true') { e.preventDefault(); return; }
    form.dataset.submitting = 'true';
    // disabled after the browser has read the pressed button's name and value
    setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
    }, 0);
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitting=true]').forEach(function (form) {
      form.dataset.submitting = 'false';
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = false; });
    });
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    var form = e.target.closest && e.target.closest('form');
    if (form) {
      form.dataset.submitting = 'false';
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = false; });
    }
  });
})();
