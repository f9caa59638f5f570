// mandat: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Errors and CSP violations are kept for the browser tests to read.
  window.__mandatErrors = [];
  window.addEventListener("error", function (e) {
    window.__mandatErrors.push(String(e.message));
  });
  document.addEventListener("securitypolicyviolation", function (e) {
    window.__mandatErrors.push("CSP: " + e.violatedDirective + " " + e.blockedURI);
  });

  // Copy buttons: <button data-copy="#id"> copies the value or text of the target.
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-copy]");
    if (!button) return;
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) return;
    var text = target.value || target.textContent;
    if (navigator.clipboard) {
      navigator.clipboard.writeText(text.trim()).then(function () {
        var done = button.getAttribute("data-copied");
        if (done) {
          var previous = button.textContent;
          button.textContent = done;
          setTimeout(function () { button.textContent = previous; }, 2000);
        }
      });
    }
  });

  // Forms asking for a confirmation: <form data-confirm="Are you sure?">. A form confirmed
  // through the dialog tells the server so (<input type="hidden" name="confirmed">), before
  // htmx or the browser reads the form (this listener runs first, on capture); without
  // JavaScript the server asks on a confirmation page instead.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (!question) return;
    if (!window.confirm(question)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    var flag = form.querySelector("input[name=confirmed]");
    if (flag) flag.value = "yes";
  }, true);
})();
