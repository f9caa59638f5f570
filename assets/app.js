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

  // A page that comes back with an error summary (a form refused without htmx: the API
  // page, the users page, the trainers' page…): the focus on the summary, which brings it
  // into view wherever it stands and has it read first. The script is deferred: the page
  // is parsed.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    summary.focus();
  }

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

  // A form sent is not sent again by a second press while its answer is on the way (a
  // double click, an impatient tap on a slow connection): for 15 seconds, or until htmx
  // has its answer, another submit of the same form is dropped before anything (the
  // confirmation below, htmx, the browser) sees it. The server answers a form sent twice
  // as the first anyway; this spares what it cannot undo, such as a second API client
  // whose secret nobody saw. Forms that only read (a search) are not held back.
  var SENT = "data-sent-at";
  var HOLD = 15000;
  // A form whose answer is slow to come says that it is being sent: busy, its button
  // dimmed, "Working…" beside it and in the live region (a second press does nothing: this
  // says why). A form with its own indicator (htmx-indicator) keeps that one.
  function sending(form, submitter) {
    form.setAttribute("aria-busy", "true");
    form.classList.add("sending");
    var text = document.body.getAttribute("data-working");
    if (!text || form.querySelector(".htmx-indicator, [data-sending-note]")) return;
    var note = document.createElement("span");
    note.className = "sending-note";
    note.setAttribute("data-sending-note", "");
    note.textContent = " " + text;
    var button = submitter || form.querySelector("[type=submit]");
    if (button && button.parentNode) button.parentNode.insertBefore(note, button.nextSibling);
    announce(text);
  }
  function sent(form) {
    clearTimeout(form.__mandatSlow);
    form.removeAttribute(SENT);
    form.removeAttribute("aria-busy");
    form.classList.remove("sending");
    Array.prototype.forEach.call(form.querySelectorAll("[data-sending-note]"), function (n) {
      n.parentNode.removeChild(n);
    });
  }
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form || !form.getAttribute || (form.getAttribute("method") || "").toLowerCase() !== "post") return;
    var at = Number(form.getAttribute(SENT) || 0);
    if (Date.now() - at < HOLD) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    form.setAttribute(SENT, String(Date.now()));
    var submitter = e.submitter;
    clearTimeout(form.__mandatSlow);
    form.__mandatSlow = setTimeout(function () {
      if (!form.getAttribute(SENT)) return;
      sending(form, submitter);
      // No answer in all that time (a page that stayed): the form may be sent again.
      form.__mandatSlow = setTimeout(function () { sent(form); }, HOLD - 500);
    }, 500);
  }, true);
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = e.detail.elt && e.detail.elt.closest && e.detail.elt.closest("form");
    if (form) sent(form);
  });
  // A page shown again from the browser's history (Back) may be sent again at once.
  window.addEventListener("pageshow", function (e) {
    if (!e.persisted) return;
    Array.prototype.forEach.call(document.querySelectorAll("form[" + SENT + "]"), sent);
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
      sent(form);
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    var flag = form.querySelector("input[name=confirmed]");
    if (flag) flag.value = "yes";
  }, true);
  // The live tabs keep the user's place. The panel (#tab-panel) refreshes itself by polling
  // and after the user's own actions (the refresh-tabs event): no refresh replaces it while
  // it holds the focus or text typed in its search box, and polling stops while the user
  // paused it with the live control (WCAG 2.2.2; remembered for the browser tab's session).
  var PAUSED = "mandat-tabs-paused";
  function paused() {
    try { return window.sessionStorage.getItem(PAUSED) === "yes"; } catch (err) { return false; }
  }
  function setPaused(on) {
    try {
      if (on) window.sessionStorage.setItem(PAUSED, "yes");
      else window.sessionStorage.removeItem(PAUSED);
    } catch (err) { /* storage refused: the page's own state only */ }
  }
  function panelBusy(panel) {
    if (panel.contains(document.activeElement)) return true;
    var fields = panel.querySelectorAll("input, textarea");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value !== fields[i].defaultValue) return true;
    }
    return false;
  }
  document.addEventListener("htmx:confirm", function (e) {
    var elt = e.detail.elt;
    if (!elt || elt.id !== "tab-panel") return;
    // Polling has no triggering event; refresh-tabs has one.
    var polling = !e.detail.triggeringEvent;
    if (panelBusy(elt) || (polling && paused())) e.preventDefault();
  });
  // A poll is the page's own doing, not a use of the session: the server reads the session
  // without starting its idle time again (a dashboard left open alone is signed out). The
  // tabs poll, and so does the status of a request just made (data-poll).
  document.addEventListener("htmx:configRequest", function (e) {
    var elt = e.detail.elt;
    var polls = elt && (elt.id === "tab-panel" || elt.hasAttribute("data-poll"));
    if (polls && !e.detail.triggeringEvent) {
      e.detail.headers["X-Automatic-Refresh"] = "1";
    }
  });
  function showLive(control) {
    var on = !paused();
    var status = control.querySelector("[data-live-status]");
    var button = control.querySelector("[data-live-toggle]");
    status.textContent = status.getAttribute(on ? "data-on" : "data-off");
    button.textContent = button.getAttribute(on ? "data-pause" : "data-resume");
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-live-control]"), function (c) {
    showLive(c);
    c.hidden = false;
  });
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-live-toggle]");
    if (!button) return;
    var resumed = paused();
    setPaused(!resumed);
    showLive(button.closest("[data-live-control]"));
    // Resumed: brought up to date at once.
    if (resumed && window.htmx) window.htmx.trigger(document.body, "refresh-tabs");
  });

  // Says `text` in the page's live region (emptied first, so that the same words twice are
  // said twice).
  function announce(text) {
    var flash = document.getElementById("flash");
    if (!flash || !text) return;
    flash.textContent = "";
    setTimeout(function () { flash.textContent = text.trim(); }, 50);
  }

  // Focus after an htmx swap. The request form: the error summary when it failed, the
  // created request's link when it succeeded, the result said in the live region. A swap
  // that took the focused element away (a Withdraw button): the panel that replaced it.
  var focusWasIn = null;
  document.addEventListener("htmx:beforeSwap", function (e) {
    var target = e.detail.target;
    var active = document.activeElement;
    focusWasIn = target && active && active !== document.body && target.contains(active) ? target : null;
  });
  document.addEventListener("htmx:afterSettle", function (e) {
    var target = e.detail.target;
    if (!target) return;
    if (target.id === "request-area") {
      var summary = target.querySelector("[data-error-summary]") || target.querySelector("[role=alert]");
      var created = target.querySelector("#created-link");
      if (summary) {
        if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
        summary.focus();
        var title = summary.querySelector("h2");
        announce((title || summary).textContent);
      } else if (created) {
        created.focus();
        var heading = target.querySelector("[data-testid=created] h2");
        announce(heading ? heading.textContent : "");
      }
      return;
    }
    var active = document.activeElement;
    var lost = !active || active === document.body || !active.isConnected;
    if (lost && focusWasIn === target && target.id === "tab-panel") {
      var panel = document.getElementById("tab-panel");
      if (panel) panel.focus();
    }
    focusWasIn = null;
  });
  // A request that never reached the service (the network is gone, the server is down, or
  // no answer came in time): htmx swaps nothing, so without this the click seems lost. The
  // page says so where the person acted, and takes the focus there; what they typed stays
  // (a form's key makes one request of two sendings, so sending again is safe). A poll
  // that fails says it in the tabs' live status instead, until one gets through.
  function clearUnreachable(pollOnly) {
    if (!pollOnly) {
      Array.prototype.forEach.call(document.querySelectorAll("main [data-unreachable-note]"), function (n) {
        n.remove();
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-live-control][data-stale]"), function (c) {
      c.removeAttribute("data-stale");
      showLive(c);
    });
  }
  // A poll, as configRequest marked it (after its swap, the panel that sent it is gone).
  function isPoll(e) {
    var config = e.detail.requestConfig;
    return !!(config && config.headers && config.headers["X-Automatic-Refresh"]);
  }
  function unreachable(e) {
    var elt = e.detail.elt;
    if (!elt || !elt.isConnected) return;
    if (isPoll(e)) {
      Array.prototype.forEach.call(document.querySelectorAll("[data-live-control]"), function (c) {
        var status = c.querySelector("[data-live-status]");
        c.setAttribute("data-stale", "");
        status.textContent = status.getAttribute("data-unreachable");
      });
      return;
    }
    var template = document.getElementById("unreachable");
    if (!template) return;
    clearUnreachable();
    var note = template.content.firstElementChild.cloneNode(true);
    var form = elt.closest("form");
    var sent = (e.detail.requestConfig || {}).triggeringEvent;
    var submit = (sent && sent.submitter) || (form && form.querySelector("[type=submit]"));
    // Just above the button that sent it (its row, in a form that lays its buttons out).
    var before = submit ? (submit.parentElement !== form ? submit.parentElement : submit) : elt;
    before.parentNode.insertBefore(note, before);
    note.focus();
  }
  document.addEventListener("htmx:sendError", unreachable);
  document.addEventListener("htmx:timeout", unreachable);
  // An answer: the tabs are up to date again; the note where the person acted goes once
  // something they sent got through (not under their focus because a poll did).
  document.addEventListener("htmx:afterRequest", function (e) {
    if (e.detail.xhr && e.detail.xhr.status > 0) clearUnreachable(isPoll(e));
  });

  // Timing adjustable (WCAG 2.2.1): a signed-in session ends after data-session-idle
  // seconds without a request. Typing or clicking in the page is using it: the session is
  // kept (a keep-alive once in a while) while nothing is sent yet. Left alone, the page
  // warns before the end ("Stay signed in" keeps it), then says that it has ended. The
  // server may count from up to a minute before this page (it writes a session's last use
  // once a minute), hence the lead. Whatever its use, a session also ends
  // data-session-left seconds after this page (its absolute lifetime, which nothing
  // extends): the page says when, five minutes before, so that what is being typed can be
  // sent in time, then that it has ended.
  (function () {
    var body = document.body;
    var idle = Number(body.getAttribute("data-session-idle"));
    var url = body.getAttribute("data-keep-alive");
    var box = document.getElementById("session-warning");
    if (!idle || !url || !box) return;
    var asking = box.querySelector("[data-asking]");
    var ended = box.querySelector("[data-ended]");
    var final = box.querySelector("[data-final]");
    var finalEnded = box.querySelector("[data-final-ended]");
    var stay = box.querySelector("[data-stay]");
    var parts = [asking, ended, final, finalEnded];
    var lead = Math.min(180, idle / 2) * 1000;
    var every = Math.min(60, idle / 4) * 1000;
    var left = body.getAttribute("data-session-left");
    var endAt = left !== null && final ? Date.now() + Number(left) * 1000 : Infinity;
    var warnTimer = null;
    var endTimer = null;
    var lastSent = Date.now();
    var before = null;
    var over = false;
    function show(part) {
      parts.forEach(function (p) { if (p) p.hidden = p !== part; });
      var title = part.querySelector("h2");
      var text = part.querySelector("p");
      if (title && title.id) box.setAttribute("aria-labelledby", title.id);
      if (text && text.id) box.setAttribute("aria-describedby", text.id);
      else box.removeAttribute("aria-describedby");
      box.hidden = false;
    }
    function hide() {
      box.hidden = true;
      if (before && before !== document.body && before.isConnected) before.focus();
    }
    function arm() {
      clearTimeout(warnTimer);
      clearTimeout(endTimer);
      // The absolute end comes first: its own warning says it.
      if (Date.now() + idle * 1000 >= endAt) return;
      warnTimer = setTimeout(warn, idle * 1000 - lead);
      endTimer = setTimeout(end, idle * 1000);
    }
    function warn() {
      before = document.activeElement;
      show(asking);
      stay.focus();
    }
    function end() {
      over = true;
      clearTimeout(warnTimer);
      show(Date.now() >= endAt - 1000 ? finalEnded : ended);
    }
    function keepAlive(then) {
      if (over) return;
      lastSent = Date.now();
      var meta = document.querySelector('meta[name="csrf-token"]');
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRF-Token": meta ? meta.content : "" }
      }).then(function (res) {
        if (res.status !== 204) return end();
        arm();
        if (then) then();
      }, function () { /* offline: the next activity tries again */ });
    }
    stay.addEventListener("click", function () {
      keepAlive(function () { if (!asking.hidden) hide(); });
    });
    ["keydown", "input", "pointerdown"].forEach(function (type) {
      document.addEventListener(type, function (e) {
        if (box.contains(e.target)) return;
        if (Date.now() - lastSent >= every) {
          keepAlive(function () { if (!asking.hidden) box.hidden = true; });
        }
      }, true);
    });
    // A request the person made through htmx (a form, a search) is a use too; a poll is not.
    document.addEventListener("htmx:afterRequest", function (e) {
      var config = e.detail.requestConfig;
      if (config && config.headers && config.headers["X-Automatic-Refresh"]) return;
      lastSent = Date.now();
      if (!over) arm();
    });
    if (endAt !== Infinity) {
      var understood = final.querySelector("[data-understood]");
      understood.addEventListener("click", hide);
      setTimeout(function () {
        if (over) return;
        before = document.activeElement;
        show(final);
        understood.focus();
      }, Math.max(0, endAt - Date.now() - 300000));
      setTimeout(function () {
        if (!over) end();
      }, Math.max(0, endAt - Date.now()));
    }
    arm();
  })();
})();
