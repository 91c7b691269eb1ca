/*
 * The АРМ's print job page: polls the job's status and moves the progress bar; when the job has
 * finished, the page is loaded again from the server, which then offers the PDF. Without this
 * script the page refreshes itself (a <meta http-equiv="refresh"> inside <noscript>).
 */
(function () {
  'use strict';
  var box = document.getElementById('print-job');
  if (!box || !window.fetch) return;
  var progress = document.getElementById('print-progress');
  var done = document.getElementById('print-done');
  var url = box.getAttribute('data-status');

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      })
      .then(function (status) {
        if (status.state === 'done' || status.state === 'failed') {
          window.location.reload();
          return;
        }
        if (progress) progress.value = status.done;
        if (done) done.textContent = String(status.done);
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }
  window.setTimeout(poll, 500);
})();
