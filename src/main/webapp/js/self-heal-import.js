/*
 * Self-Heal job page: reads the chosen policy file into the import form's text area, so the form
 * stays a plain POST (no multipart upload) and works without this script by pasting the JSON.
 */
(function () {
  'use strict';
  function wire(input) {
    input.addEventListener('change', function () {
      var target = document.getElementById(input.getAttribute('data-self-heal-import'));
      var file = input.files && input.files[0];
      if (!target || !file) {
        return;
      }
      var reader = new FileReader();
      reader.onload = function () { target.value = String(reader.result); };
      reader.readAsText(file);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('input[data-self-heal-import]'), wire);
  });
}());
