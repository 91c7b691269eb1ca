/*
 * The portal form's helper: it checks, as the citizen types, what the server checks anyway (the
 * IIN's check digit and structure, required inputs, phone, e-mail, date order) and shows the same
 * kk/ru texts, which the page carries in data-msg-* attributes. The form works without it: the
 * server validates every submission. Served from /assets, so the page's CSP allows no inline script.
 */
(function () {
  'use strict';

  var form = document.querySelector('form.service-form');
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
  if (!form) return;

  var FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  var SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

  function mod11(digits, weights) {
    var sum = 0;
    for (var i = 0; i < 11; i++) sum += digits[i] * weights[i];
    return sum % 11;
  }

  // The same rules as isValidIin in src/domain/iin.ts.
  function validIin(value) {
    if (!/^\d{12}$/.test(value)) return false;
    var digits = value.split('').map(Number);
    var check = mod11(digits, FIRST);
    if (check === 10) check = mod11(digits, SECOND);
    if (check === 10 || check !== digits[11]) return false;
    var month = Number(value.slice(2, 4));
    var day = Number(value.slice(4, 6));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && digits[6] <= 6;
  }

  function message(name) {
    return form.getAttribute('data-msg-' + name) || '';
  }

  function show(input, text) {
    var slot = document.getElementById(input.id + '-error');
    if (!slot) return;
    slot.textContent = text;
    slot.hidden = text === '';
    if (text === '') input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  }

  function partner(input, from, to) {
    var name = input.name;
    if (name.slice(-from.length - 1) !== '.' + from) return null;
    return form.elements.namedItem(name.slice(0, -from.length) + to);
  }

  // typing: the input is being edited, so an incomplete value is not yet an error.
  function problem(input, typing) {
    var value = input.value.trim();
    var check = input.getAttribute('data-check');
    if (value === '') return !typing && input.hasAttribute('data-required') ? message('required') : '';
    if (check === 'iin') {
      if (/\D/.test(value) || value.length > 12) return message('iin');
      if (value.length === 12) return validIin(value) ? '' : message('iin');
      return typing ? '' : message('iin');
    }
    if (check === 'phone' && !typing && !/^\+7\d{10}$/.test(value)) return message('phone');
    if (check === 'email' && !typing && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return message('email');
    if (check === 'date') {
      var from = partner(input, 'to', 'from');
      if (from && from.value && from.value > value) return message('date-order');
    }
    return '';
  }

  function check(input, typing) {
    var text = problem(input, typing);
    show(input, text);
    if (input.getAttribute('data-check') === 'date') {
      var to = partner(input, 'from', 'to');
      if (to && to.value) show(to, problem(to, false));
    }
    return text === '';
  }

  var inputs = Array.prototype.filter.call(form.elements, function (element) {
    return element.id && document.getElementById(element.id + '-error') && element.type !== 'file';
  });

  inputs.forEach(function (input) {
    var touched = false;
    input.addEventListener('input', function () {
      touched = true;
      check(input, true);
    });
    // Leaving an input untouched (tabbing through the form) is not yet a mistake.
    input.addEventListener('change', function () {
      touched = true;
      check(input, false);
    });
    input.addEventListener('blur', function () {
      if (touched) check(input, false);
    });
  });

  form.addEventListener('submit', function (event) {
    var firstBad = null;
    inputs.forEach(function (input) {
      if (!check(input, false) && !firstBad) firstBad = input;
    });
    if (firstBad) {
      event.preventDefault();
      firstBad.focus();
    }
  });
})();
