/*
 * Leerplicht-assistent chat page.
 *
 * Rules this file keeps:
 * - All user and bot text reaches the page through textContent / createElement, never innerHTML.
 * - What the user typed is never lost: it stays in localStorage while it is a draft or in flight, and comes
 *   back into the input whenever a message could not be delivered.
 * - The conversation is kept in localStorage for this browser (closing the tab loses nothing) for as many days as
 *   the server keeps transcripts (data-retention-days); "Nieuw gesprek beginnen" forgets it.
 * - Texts come from data-t-* attributes on #chat (translated on the server), never from this file.
 * - An answer shows its first bubble; its `details` wait behind a "Meer uitleg" button. Its sources are collapsed;
 *   opened, at most SOURCES_SHOWN show until "Alle bronnen" is chosen (both buttons with aria-expanded).
 * - Every message gets a client message id, and a retry sends the same id: the server stores a message once and
 *   answers a repeated id with the answer it already gave. A busy server (429) or a message still being answered
 *   (409) means "wait": the page waits Retry-After seconds and tries again, as long as it takes, without blaming
 *   anyone. Only when the assistant stays unreachable (5xx, no network) does it give the text back after a few tries.
 * - While a leerplicht officer holds the conversation (the API answered with `handoff`), the page polls
 *   GET <endpoint>/<sender>/messages?after=<last id> every 5 seconds and shows officer and system messages,
 *   until the case is handed back or closed. The polling state survives a reload (sessionStorage).
 * - After each answer (and, once the page has loaded, for each answer shown again after a reload) it fires
 *   `lpa:bot-turn` on #chat with { senderId, intent, restored, items: [{ element, entry }] }; chat-feedback.js
 *   (loaded after this file) adds "Was dit nuttig?" there, with the helpers in window.LeerplichtChat. The
 *   conversation's sender id is kept in #chat's data-sender for the transcript download.
 *   until the case is handed back or closed. The polling state survives a reload and closing the tab. The
 *   handoff notice is shown once per case and state, not after every message. A link with #gesprek=<id> (shown at
 *   the handoff, and in the e-mail notice) brings the conversation back in another browser.
 * - The language goes with a message only when the user chose one in the picker (data-language-chosen); otherwise
 *   the gateway detects it, starting from the page's language.
 * - Accessibility: every message has a heading (screen readers jump between messages), sources are collapsed, and
 *   after a button is chosen the focus moves to the new answer.
 */
(function () {
  "use strict";

  var app = document.getElementById("chat");
  if (!app) {
    return;
  }

  var endpoint = app.getAttribute("data-endpoint") || "/api/chat";
  var language = app.getAttribute("data-language") || "nl";
  var languageChosen = app.getAttribute("data-language-chosen") === "true";
  var retentionDays = parseInt(app.getAttribute("data-retention-days"), 10) || 28;
  var maxChars = parseInt(app.getAttribute("data-max-chars"), 10) || 2000;

  var scroller = document.getElementById("chat-scroll");
  var disclosure = document.getElementById("disclosure");
  var transcript = document.getElementById("transcript");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var sendButton = document.getElementById("send");
  var counter = document.getElementById("message-counter");
  var errorBox = document.getElementById("message-error");
  var status = document.getElementById("status");
  var statusText = document.getElementById("status-text");
  var announcer = document.getElementById("announcer");
  var newConversation = document.getElementById("new-conversation");

  var KEYS = {
    sender: "lpa.sender",
    transcript: "lpa.transcript",
    draft: "lpa.draft",
    pending: "lpa.pending",
    pendingId: "lpa.pending-id",
    handoff: "lpa.handoff",
    handoffShown: "lpa.handoff-shown",
    lastOfficerMessage: "lpa.officer-after",
    savedAt: "lpa.saved-at"
  };
  var RESUME_FRAGMENT = /^#gesprek=([A-Za-z0-9_.:-]{1,128})$/;
  var POLL_SECONDS = 5;
  var FINAL_HANDOFF_STATUSES = ["handed_back", "closed"];
  var MAX_STORED_ENTRIES = 200;
  var MAX_RETRIES = 4;
  var DEFAULT_RETRY_SECONDS = 3;
  var MAX_RETRY_SECONDS = 30;
  var NEAR_LIMIT = 100;
  var SOURCES_SHOWN = 3;

  /* ---------- texts ---------- */

  function t(key, values) {
    var text = app.getAttribute("data-t-" + key) || "";
    if (values) {
      Object.keys(values).forEach(function (name) {
        text = text.split("{" + name + "}").join(String(values[name]));
      });
    }
    return text;
  }

  /* ---------- storage (localStorage, with an in-memory fallback) ---------- */

  var memory = {};
  var store = {
    get: function (key) {
      try {
        return window.localStorage.getItem(key);
      } catch (error) {
        return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
      }
    },
    set: function (key, value) {
      memory[key] = value;
      try {
        window.localStorage.setItem(key, value);
      } catch (error) {
        /* storage full or disabled: the in-memory copy still holds it for this page */
      }
    },
    remove: function (key) {
      delete memory[key];
      try {
        window.localStorage.removeItem(key);
      } catch (error) {
        /* ignore */
      }
    }
  };

  /* The stored conversation, forgotten when the server has deleted its transcript too. */
  function forgetConversation() {
    [KEYS.transcript, KEYS.handoff, KEYS.handoffShown, KEYS.lastOfficerMessage, KEYS.savedAt].forEach(store.remove);
  }

  function expireOldConversation() {
    var saved = parseInt(store.get(KEYS.savedAt), 10);
    if (!isNaN(saved) && Date.now() - saved > retentionDays * 24 * 3600 * 1000) {
      forgetConversation();
      store.remove(KEYS.sender);
    }
  }

  function randomId(prefix) {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var hex = "";
    for (var i = 0; i < bytes.length; i += 1) {
      hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    }
    return prefix + hex;
  }

  function newSenderId() {
    return randomId("web-");
  }

  function newMessageId() {
    return randomId("m-");
  }

  function senderId() {
    var id = store.get(KEYS.sender);
    if (!id || !/^[A-Za-z0-9_.:-]{1,128}$/.test(id)) {
      id = newSenderId();
      store.set(KEYS.sender, id);
    }
    app.setAttribute("data-sender", id);
    return id;
  }

  /* Tell chat-feedback.js that answers were shown (see the header). */
  function announceTurn(items, intent, restored) {
    if (!items.length || typeof window.CustomEvent !== "function") {
      return;
    }
    app.dispatchEvent(new window.CustomEvent("lpa:bot-turn", {
      detail: { senderId: senderId(), intent: intent || null, restored: restored, items: items }
    }));
  }

  function storedEntries() {
    try {
      var entries = JSON.parse(store.get(KEYS.transcript) || "[]");
      return Array.isArray(entries) ? entries : [];
    } catch (error) {
      return [];
    }
  }

  function remember(entry) {
    var entries = storedEntries();
    entries.push(entry);
    if (entries.length > MAX_STORED_ENTRIES) {
      entries = entries.slice(entries.length - MAX_STORED_ENTRIES);
    }
    store.set(KEYS.transcript, JSON.stringify(entries));
    store.set(KEYS.savedAt, String(Date.now()));
  }

  function saveDraft() {
    if (input.value) {
      store.set(KEYS.draft, input.value);
    } else {
      store.remove(KEYS.draft);
    }
  }

  /* ---------- DOM helpers ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function safeUrl(value) {
    if (typeof value !== "string" || !value) {
      return null;
    }
    try {
      var url = new URL(value, window.location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function externalLink(href, text) {
    var link = el("a", null, text);
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.appendChild(el("span", "visually-hidden", " " + t("new-window")));
    return link;
  }

  var URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

  /* Text with web addresses turned into links; everything else stays a text node. */
  function appendLinkified(parent, text) {
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      var raw = match[0].replace(/[.,;:!?)\]]+$/, "");
      var href = safeUrl(raw);
      if (!href) {
        continue;
      }
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      parent.appendChild(externalLink(href, raw));
      last = match.index + raw.length;
      URL_PATTERN.lastIndex = last;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /* Bot text: paragraphs keep their line breaks (CSS pre-line); "- ", "• " and "1. " lines become lists.
     Each block takes its direction from its own text (dir=auto): the API gives the conversation language,
     not each text's, and a text may fall back to Dutch. */
  function appendFormattedText(container, text) {
    var lines = String(text).replace(/\r\n?/g, "\n").split("\n");
    var paragraph = [];
    var list = null;
    var listType = null;
    var lastItem = null;

    function flushParagraph() {
      if (paragraph.length) {
        var p = el("p");
        p.dir = "auto";
        appendLinkified(p, paragraph.join("\n"));
        container.appendChild(p);
        paragraph = [];
      }
    }

    lines.forEach(function (line) {
      var bullet = /^\s*[-•*–]\s+(.*)$/.exec(line);
      var numbered = bullet ? null : /^\s*(\d{1,3})[.)]\s+(.*)$/.exec(line);
      if (bullet || numbered) {
        flushParagraph();
        var type = bullet ? "ul" : "ol";
        if (!list || listType !== type) {
          list = el(type);
          list.dir = "auto";
          listType = type;
          if (numbered && numbered[1] !== "1") {
            list.start = parseInt(numbered[1], 10);
          }
          container.appendChild(list);
        }
        lastItem = el("li");
        appendLinkified(lastItem, bullet ? bullet[1] : numbered[2]);
        list.appendChild(lastItem);
      } else if (!line.trim()) {
        flushParagraph();
        list = null;
        lastItem = null;
      } else if (list && lastItem && /^\s+/.test(line)) {
        lastItem.appendChild(document.createTextNode("\n"));
        appendLinkified(lastItem, line.trim());
      } else {
        list = null;
        lastItem = null;
        paragraph.push(line);
      }
    });
    flushParagraph();
  }

  /* ---------- rendering ---------- */

  function setState(message, className, text) {
    message.classList.remove("message--pending", "message--failed");
    var state = message.querySelector(".message__state");
    if (!className) {
      if (state) {
        state.remove();
      }
      return;
    }
    message.classList.add(className);
    if (!state) {
      state = el("p", "message__state");
      message.appendChild(state);
    }
    state.textContent = text;
  }

  /* Each message starts with a heading, so screen readers can jump from message to message. */
  function author(text, className) {
    var heading = el("h2", className || "message__author", text);
    heading.appendChild(el("span", "visually-hidden", ":"));
    return heading;
  }

  function renderUser(text, pending) {
    var message = el("div", "message message--user");
    message.appendChild(author(t("you"), "visually-hidden"));
    var bubble = el("div", "bubble");
    var body = el("div", "bubble__text");
    var paragraph = el("p", null, text);
    paragraph.dir = "auto";
    body.appendChild(paragraph);
    bubble.appendChild(body);
    message.appendChild(bubble);
    if (pending) {
      setState(message, "message--pending", t("sending"));
    }
    transcript.appendChild(message);
    return message;
  }

  var disclosures = 0;

  /* A button that shows and hides `target` (aria-expanded, aria-controls); its label follows the state. */
  function disclosureButton(className, target, closedLabel, openLabel) {
    disclosures += 1;
    target.id = "disclosure-" + disclosures + "-" + Date.now().toString(36);
    target.hidden = true;
    var button = el("button", "link-button " + className, closedLabel);
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", target.id);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? openLabel : closedLabel;
      target.hidden = !open;
    });
    return button;
  }

  function renderDetails(text) {
    var wrap = el("div", "details");
    var body = el("div", "bubble__text details__body");
    appendFormattedText(body, text);
    wrap.appendChild(disclosureButton("details__toggle", body, t("more"), t("less")));
    wrap.appendChild(body);
    return wrap;
  }

  function citationItem(citation) {
    var item = el("li");
    var href = safeUrl(citation.url);
    if (href) {
      item.appendChild(externalLink(href, citation.ref));
    } else {
      item.textContent = citation.ref;
    }
    return item;
  }

  /* The sources under an answer, collapsed (there for whoever wants them, not read aloud with every answer); opened,
     the first SOURCES_SHOWN (those behind its first bubble, statute first) and the rest on request. */
  function renderSources(citations) {
    var valid = citations.filter(function (citation) {
      return citation && typeof citation.ref === "string";
    });
    var sources = el("details", "citations");
    sources.appendChild(el("summary", "citations__title", t("sources") + " (" + valid.length + ")"));
    var list = el("ul");
    valid.slice(0, SOURCES_SHOWN).forEach(function (citation) {
      list.appendChild(citationItem(citation));
    });
    sources.appendChild(list);
    if (valid.length > SOURCES_SHOWN) {
      var more = el("ul", "citations__more");
      valid.slice(SOURCES_SHOWN).forEach(function (citation) {
        more.appendChild(citationItem(citation));
      });
      sources.appendChild(more);
      sources.appendChild(disclosureButton("citations__toggle", more,
        t("all-sources", { count: valid.length }), t("fewer-sources")));
    }
    return sources;
  }

  function renderBot(entry) {
    var message = el("div", "message message--bot");
    message.appendChild(author(t("assistant")));
    var bubble = el("div", "bubble");
    if (entry.text) {
      var body = el("div", "bubble__text");
      var text = String(entry.text);
      if (entry.headline) {
        /* the first line sums the message up (an outcome): shown emphasised */
        var end = text.indexOf("\n");
        var headline = el("p", "bubble__headline");
        headline.dir = "auto";
        headline.appendChild(el("strong", null, end === -1 ? text : text.slice(0, end)));
        body.appendChild(headline);
        text = end === -1 ? "" : text.slice(end + 1).replace(/^\n+/, "");
      }
      appendFormattedText(body, text);
      bubble.appendChild(body);
    }
    if (typeof entry.details === "string" && entry.details) {
      bubble.appendChild(renderDetails(entry.details));
    }
    var buttons = Array.isArray(entry.buttons) ? entry.buttons : [];
    if (buttons.length) {
      var group = el("div", "bubble__buttons");
      buttons.forEach(function (button) {
        if (!button || typeof button.title !== "string" || typeof button.payload !== "string") {
          return;
        }
        var node = el("button", "choice", button.title);
        node.type = "button";
        node.setAttribute("data-payload", button.payload);
        group.appendChild(node);
      });
      bubble.appendChild(group);
    }
    var citations = Array.isArray(entry.citations) ? entry.citations : [];
    if (citations.length) {
      bubble.appendChild(renderSources(citations));
    }
    message.appendChild(bubble);
    transcript.appendChild(message);
    return message;
  }

  function resumeLink() {
    return window.location.origin + window.location.pathname + "#gesprek=" + senderId();
  }

  function renderHandoff(handoff) {
    var message = el("div", "message message--notice message--handoff");
    var notice = el("div", "notice");
    notice.appendChild(author(t("handoff-title"), "visually-hidden"));
    notice.appendChild(el("p", null, t("handoff")));
    if (typeof handoff.queue_position === "number") {
      notice.appendChild(el("p", null, t("queue-position", { position: handoff.queue_position })));
    }
    if (typeof handoff.expected_response === "string" && handoff.expected_response) {
      notice.appendChild(el("p", null, handoff.expected_response));
    }
    if (handoff.status === "queued" || handoff.status === "assigned" || handoff.status === "waiting_for_user") {
      notice.appendChild(el("p", null, t("come-back")));
      var link = el("a", "notice__link", t("come-back-link"));
      link.href = resumeLink();
      notice.appendChild(link);
    }
    message.appendChild(notice);
    transcript.appendChild(message);
    return message;
  }

  function renderNotice(lines, action) {
    var message = el("div", "message message--notice");
    var notice = el("div", "notice");
    lines.forEach(function (line) {
      if (line) {
        notice.appendChild(el("p", null, line));
      }
    });
    if (action) {
      var button = el("button", "link-button", action.label);
      button.type = "button";
      button.addEventListener("click", action.onClick);
      notice.appendChild(button);
    }
    message.appendChild(notice);
    transcript.appendChild(message);
    return message;
  }

  /* A person writes here, not the assistant: the name and role are shown, and the message looks different. */
  function renderOfficer(entry) {
    var message = el("div", "message message--officer");
    var heading = author(entry.name || t("officer"), "message__author message__author--officer");
    var role = entry.role || t("officer");
    if (entry.name && role) {
      heading.insertBefore(el("span", "message__role", ", " + role), heading.lastChild);
    }
    message.appendChild(heading);
    var bubble = el("div", "bubble");
    var body = el("div", "bubble__text");
    appendFormattedText(body, entry.text);
    bubble.appendChild(body);
    message.appendChild(bubble);
    transcript.appendChild(message);
    return message;
  }

  function renderSystem(entry) {
    return renderNotice([entry.text]);
  }

  function renderEntry(entry) {
    if (!entry || typeof entry !== "object") {
      return null;
    }
    if (entry.kind === "user" && typeof entry.text === "string") {
      return renderUser(entry.text, false);
    }
    if (entry.kind === "bot") {
      return renderBot(entry);
    }
    if (entry.kind === "handoff") {
      return renderHandoff(entry);
    }
    if (entry.kind === "officer" && typeof entry.text === "string") {
      return renderOfficer(entry);
    }
    if (entry.kind === "system" && typeof entry.text === "string") {
      return renderSystem(entry);
    }
    return null;
  }

  function scrollToBottom() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  /* Show the question at the top when the answer is long, otherwise the end of the conversation. */
  function scrollToTurn(userMessage) {
    var bottom = scroller.scrollHeight - scroller.clientHeight;
    var covered = disclosure && window.getComputedStyle(disclosure).position === "sticky" ? disclosure.offsetHeight : 0;
    var anchor = userMessage ? userMessage.offsetTop - covered - 12 : bottom;
    scroller.scrollTop = Math.max(0, Math.min(bottom, anchor));
  }

  /* ---------- status, counter, errors ---------- */

  function setStatus(text, busy) {
    statusText.textContent = text || "";
    status.classList.toggle("is-busy", Boolean(busy));
  }

  function setBusy(busy) {
    sendButton.setAttribute("aria-disabled", busy ? "true" : "false");
    setStatus(busy ? t("typing") : "", busy);
  }

  function showError(text) {
    errorBox.textContent = text || "";
  }

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () {
      announcer.textContent = text;
    }, 50);
  }

  function characterCount(text) {
    return Array.from(text).length;
  }

  var wasNearLimit = false;

  function updateCounter() {
    var count = characterCount(input.value);
    counter.textContent = t("counter", { count: count, max: maxChars });
    var over = count > maxChars;
    counter.classList.toggle("is-over", over);
    if (over) {
      input.setAttribute("aria-invalid", "true");
      showError(t("too-long", { over: count - maxChars, max: maxChars }));
    } else if (input.getAttribute("aria-invalid") === "true") {
      input.removeAttribute("aria-invalid");
      showError("");
    }
    var near = count >= maxChars - NEAR_LIMIT && !over;
    if (near && !wasNearLimit) {
      announce(t("near-limit", { left: maxChars - count }));
    }
    wasNearLimit = near;
  }

  function restoreToInput(text) {
    if (!text) {
      return;
    }
    input.value = input.value.trim() ? text + "\n" + input.value : text;
    saveDraft();
    updateCounter();
  }

  /* ---------- officer messages while a case is open ---------- */

  var poller = { timer: null, busy: false };

  function lastOfficerMessageId() {
    var id = parseInt(store.get(KEYS.lastOfficerMessage), 10);
    return isNaN(id) || id < 0 ? 0 : id;
  }

  function stopPolling() {
    if (poller.timer) {
      window.clearTimeout(poller.timer);
    }
    poller.timer = null;
    store.remove(KEYS.handoff);
  }

  function scheduleNextPoll() {
    if (poller.timer) {
      window.clearTimeout(poller.timer);
    }
    poller.timer = window.setTimeout(pollOfficerMessages, POLL_SECONDS * 1000);
  }

  function startPolling() {
    store.set(KEYS.handoff, "open");
    if (!poller.timer && !poller.busy) {
      scheduleNextPoll();
    }
  }

  function showOfficerMessages(messages) {
    var shown = false;
    messages.forEach(function (message) {
      if (!message || typeof message.text !== "string" || typeof message.id !== "number") {
        return;
      }
      if (message.id <= lastOfficerMessageId()) {
        return;
      }
      var entry = { kind: message.author === "officer" ? "officer" : "system", text: message.text };
      if (message.author === "officer") {
        entry.name = typeof message.officer_name === "string" ? message.officer_name : "";
        entry.role = typeof message.officer_role === "string" ? message.officer_role : "";
      }
      renderEntry(entry);
      remember(entry);
      store.set(KEYS.lastOfficerMessage, String(message.id));
      shown = true;
    });
    if (shown) {
      scrollToBottom();
    }
  }

  function pollOfficerMessages() {
    poller.timer = null;
    if (store.get(KEYS.handoff) !== "open" || poller.busy) {
      return;
    }
    poller.busy = true;
    var url = endpoint + "/" + encodeURIComponent(senderId()) + "/messages?after=" + lastOfficerMessageId();
    window
      .fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (body) {
        poller.busy = false;
        if (!body || store.get(KEYS.handoff) !== "open") {
          if (store.get(KEYS.handoff) === "open") {
            scheduleNextPoll();
          }
          return;
        }
        if (Array.isArray(body.messages)) {
          showOfficerMessages(body.messages);
        }
        var status = body.handoff && typeof body.handoff.status === "string" ? body.handoff.status : null;
        if (!status || FINAL_HANDOFF_STATUSES.indexOf(status) !== -1) {
          stopPolling();
        } else {
          scheduleNextPoll();
        }
      })
      .catch(function () {
        poller.busy = false;
        if (store.get(KEYS.handoff) === "open") {
          scheduleNextPoll();
        }
      });
  }

  /* ---------- sending ---------- */

  var inFlight = null;

  function parseRetryAfter(value) {
    var seconds = parseInt(value, 10);
    if (isNaN(seconds) && value) {
      var date = Date.parse(value);
      seconds = isNaN(date) ? NaN : Math.round((date - Date.now()) / 1000);
    }
    if (isNaN(seconds)) {
      seconds = DEFAULT_RETRY_SECONDS;
    }
    return Math.min(MAX_RETRY_SECONDS, Math.max(1, seconds));
  }

  function finish() {
    if (inFlight && inFlight.timer) {
      window.clearTimeout(inFlight.timer);
    }
    if (inFlight && inFlight.notice) {
      inFlight.notice.remove();
    }
    inFlight = null;
    store.remove(KEYS.pending);
    store.remove(KEYS.pendingId);
    setBusy(false);
  }

  function delivered(body) {
    var turn = inFlight;
    setState(turn.bubble, null);
    remember({ kind: "user", text: turn.display });
    finish();
    var replyLanguage = typeof body.language === "string" ? body.language : language;
    var shown = [];
    var firstAnswer = null;
    body.messages.forEach(function (message) {
      var entry = {
        kind: "bot",
        id: typeof message.id === "number" ? message.id : null,
        text: typeof message.text === "string" ? message.text : "",
        buttons: Array.isArray(message.buttons) ? message.buttons : [],
        citations: Array.isArray(message.citations) ? message.citations : [],
        details: typeof message.details === "string" ? message.details : "",
        headline: message.headline === true,
        language: replyLanguage
      };
      var rendered = renderBot(entry);
      firstAnswer = firstAnswer || rendered;
      shown.push({ element: rendered, entry: entry });
      remember(entry);
    });
    announceTurn(shown, body.intent && typeof body.intent.name === "string" ? body.intent.name : null, false);
    if (body.handoff && typeof body.handoff === "object") {
      var handoffKey = String(body.handoff.case_id) + "/" + String(body.handoff.status);
      if (store.get(KEYS.handoffShown) !== handoffKey) {
        /* once per case and state: not again after every message to the officer */
        var handoff = {
          kind: "handoff",
          status: body.handoff.status,
          queue_position: body.handoff.queue_position,
          expected_response: body.handoff.expected_response
        };
        renderHandoff(handoff);
        remember(handoff);
        store.set(KEYS.handoffShown, handoffKey);
      }
      startPolling();
    }
    scrollToTurn(turn.bubble);
    if (!turn.fromInput && firstAnswer) {
      /* a button was chosen: the answer gets the focus (its heading is read first) */
      firstAnswer.setAttribute("tabindex", "-1");
      firstAnswer.focus({ preventScroll: true });
    }
  }

  function refused(detail) {
    var turn = inFlight;
    turn.bubble.remove();
    finish();
    renderNotice([detail || t("error")]);
    if (turn.fromInput) {
      restoreToInput(turn.message);
      input.focus();
    }
    scrollToBottom();
  }

  function giveUp(detail) {
    var turn = inFlight;
    setState(turn.bubble, "message--failed", t("failed"));
    if (turn.notice) {
      turn.notice.remove();
      turn.notice = null;
    }
    finish();
    renderNotice([detail, t("gave-up")]);
    restoreToInput(turn.fromInput ? turn.message : "");
    if (turn.fromInput) {
      restoredPending = { message: turn.message, id: turn.id };  /* sent again unchanged: the same message */
    }
    scrollToBottom();
  }

  /* `waitOnly`: the server asked to wait (429 busy, 409 still answering): retry as long as it takes. */
  function retryLater(detail, retryAfter, waitOnly) {
    var turn = inFlight;
    if (!waitOnly) {
      turn.retries += 1;
      if (turn.retries > MAX_RETRIES) {
        giveUp(detail);
        return;
      }
    }
    var seconds = parseRetryAfter(retryAfter);
    setBusy(false);
    setStatus(t("not-delivered"), false);
    setState(turn.bubble, "message--pending", t("not-delivered") + " " + t("retry-in", { seconds: seconds }));
    var lines = [detail || t("offline"), t("retry-in", { seconds: seconds })];
    if (turn.notice) {
      turn.notice.remove();
    }
    turn.notice = renderNotice(lines, {
      label: t("retry-now"),
      onClick: function () {
        if (inFlight === turn) {
          window.clearTimeout(turn.timer);
          attempt();
        }
      }
    });
    scrollToBottom();
    turn.timer = window.setTimeout(function () {
      if (inFlight === turn) {
        attempt();
      }
    }, seconds * 1000);
  }

  function requestBody(turn) {
    var body = { sender_id: senderId(), message: turn.message, client_message_id: turn.id };
    if (languageChosen) {
      body.language = language;
    }
    return body;
  }

  function attempt() {
    var turn = inFlight;
    if (!turn) {
      return;
    }
    turn.timer = null;
    if (turn.retries > 0 || turn.waited) {
      setState(turn.bubble, "message--pending", t("retrying"));
    }
    setBusy(true);
    window
      .fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(requestBody(turn))
      })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (body) {
            if (inFlight !== turn) {
              return;
            }
            var detail = body && typeof body.detail === "string" ? body.detail : "";
            if (response.ok && body && Array.isArray(body.messages)) {
              delivered(body);
            } else if (response.status === 429 || response.status === 409) {
              turn.waited = true;
              retryLater(t("busy"), response.headers.get("Retry-After"), true);
            } else if (response.status === 502 || response.status === 503 || response.status === 504) {
              retryLater(detail || t("error"), response.headers.get("Retry-After"), false);
            } else {
              refused(detail || t("error"));
            }
          });
      })
      .catch(function () {
        if (inFlight === turn) {
          retryLater(t("offline"), null, false);
        }
      });
  }

  /* The id of a message: a new one, except for the message given back after a reload, which may have reached the
     server before (sending it again unchanged is then a retry, not a second message). */
  var restoredPending = null;

  function messageIdFor(message) {
    if (restoredPending && restoredPending.message === message && restoredPending.id) {
      var id = restoredPending.id;
      restoredPending = null;
      return id;
    }
    return newMessageId();
  }

  function send(message, display, fromInput) {
    if (inFlight) {
      showError(t("wait-previous"));
      return false;
    }
    showError("");
    inFlight = {
      id: messageIdFor(message),
      message: message,
      display: display,
      fromInput: fromInput,
      retries: 0,
      waited: false,
      timer: null,
      notice: null,
      bubble: renderUser(display, true)
    };
    if (fromInput) {
      store.set(KEYS.pending, message);
      store.set(KEYS.pendingId, inFlight.id);
      input.value = "";
      saveDraft();
      updateCounter();
    }
    scrollToBottom();
    attempt();
    return true;
  }

  /* ---------- events ---------- */

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) {
      showError(t("empty"));
      input.focus();
      return;
    }
    var count = characterCount(text);
    if (count > maxChars) {
      input.setAttribute("aria-invalid", "true");
      showError(t("too-long", { over: count - maxChars, max: maxChars }));
      input.focus();
      return;
    }
    send(text, text, true);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) {
      return;
    }
    event.preventDefault();
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });

  input.addEventListener("input", function () {
    saveDraft();
    updateCounter();
    if (errorBox.textContent && input.getAttribute("aria-invalid") !== "true") {
      showError("");
    }
  });

  transcript.addEventListener("click", function (event) {
    var button = event.target.closest("button.choice");
    if (!button || !transcript.contains(button)) {
      return;
    }
    var payload = button.getAttribute("data-payload");
    var title = button.textContent;
    if (payload) {
      send(payload, title, false);
    } else if (button.getAttribute("data-message")) {
      send(button.getAttribute("data-message"), title, false);
    }
  });

  newConversation.addEventListener("click", function () {
    if (!window.confirm(t("new-confirm"))) {
      return;
    }
    if (inFlight) {
      var turn = inFlight;
      finish();
      if (turn.fromInput) {
        restoreToInput(turn.message);
      }
    }
    stopPolling();
    forgetConversation();
    store.set(KEYS.sender, newSenderId());
    senderId();
    app.dispatchEvent(new window.CustomEvent("lpa:new-conversation"));
    Array.prototype.slice.call(transcript.children).forEach(function (child) {
      if (!child.classList.contains("message--welcome")) {
        child.remove();
      }
    });
    showError("");
    scroller.scrollTop = 0;
    input.focus();
  });

  /* ---------- start ---------- */

  window.LeerplichtChat = { el: el, text: t };

  /* A link with #gesprek=<id> (from the handoff notice or the e-mail) brings that conversation back here. */
  var resume = RESUME_FRAGMENT.exec(window.location.hash || "");
  if (resume) {
    if (store.get(KEYS.sender) !== resume[1]) {
      forgetConversation();
      store.set(KEYS.sender, resume[1]);
      store.set(KEYS.handoff, "open");
    }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }
  expireOldConversation();
  senderId();
  var restored = storedEntries();
  var restoredTurns = [[]];
  restored.forEach(function (entry) {
    var element = renderEntry(entry);
    if (entry && entry.kind === "bot" && element) {
      restoredTurns[restoredTurns.length - 1].push({ element: element, entry: entry });
    } else if (restoredTurns[restoredTurns.length - 1].length) {
      restoredTurns.push([]);
    }
  });
  /* deferred scripts run before DOMContentLoaded: by then chat-feedback.js listens */
  document.addEventListener("DOMContentLoaded", function () {
    restoredTurns.forEach(function (items) {
      announceTurn(items, null, true);
    });
  });
  var pending = store.get(KEYS.pending);
  var draft = store.get(KEYS.draft);
  if (pending) {
    /* a message was in flight when the page was left: give it back rather than lose it; sent again unchanged, it
       keeps its id, so the server does not store it twice */
    input.value = draft ? pending + "\n" + draft : pending;
    restoredPending = { message: pending, id: store.get(KEYS.pendingId) };
    store.remove(KEYS.pending);
    store.remove(KEYS.pendingId);
    saveDraft();
  } else if (draft) {
    input.value = draft;
  }
  updateCounter();
  setBusy(false);
  if (restored.length) {
    scrollToBottom();
  }
  if (store.get(KEYS.handoff) === "open") {
    /* a case was open when the page was left: fetch what the officer wrote meanwhile */
    pollOfficerMessages();
  }
})();
