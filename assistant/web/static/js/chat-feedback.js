/*
 * Leerplicht-assistent chat page: feedback on answers, the satisfaction question and the transcript download.
 *
 * - Under the last answer of each reply: "Was dit nuttig?" with thumbs up and thumbs down (toggle buttons with
 *   aria-pressed and a text label for screen readers; the thumbs are drawn as SVG, so they show without an emoji
 *   font). Thumbs down opens an optional comment field. One rating per message; pressing the other button changes
 *   it. POST <endpoint>/feedback.
 * - After a goodbye or thanks: one optional question, "Hoe tevreden bent u over dit gesprek?" (1-5).
 *   POST <endpoint>/satisfaction.
 * - "Gesprek downloaden": GET <endpoint>/<sender>/transcript?language=<page language>, a text file made on the
 *   server from the stored (redacted) conversation.
 * Listens to chat.js's `lpa:bot-turn` and `lpa:new-conversation` events on #chat; loaded after chat.js, whose
 * helpers (window.LeerplichtChat: el, text) it uses. Texts come from data-t-* attributes; text is set with
 * textContent only.
 */
(function () {
  "use strict";

  var app = document.getElementById("chat");
  var chat = window.LeerplichtChat;
  if (!app || !chat) {
    return;
  }
  var el = chat.el;
  var t = chat.text;
  var endpoint = app.getAttribute("data-endpoint") || "/api/chat";
  var language = app.getAttribute("data-language") || "nl";
  var transcript = document.getElementById("transcript");
  var download = document.getElementById("download-transcript");
  var RATINGS_KEY = "lpa.feedback";
  var SATISFACTION_KEY = "lpa.satisfaction";
  var END_INTENTS = ["goodbye", "thank"];
  var MAX_COMMENT = 500;
  var counter = 0;

  function readStore(key) {
    try {
      return JSON.parse(window.sessionStorage.getItem(key) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  function writeStore(key, value) {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      /* storage disabled: the page still works, it only forgets after a reload */
    }
  }

  function post(path, body) {
    body.language = language;
    return window
      .fetch(endpoint + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(body)
      })
      .then(function (response) {
        return response.json().catch(function () {
          return null;
        }).then(function (data) {
          if (!response.ok) {
            throw new Error(data && typeof data.detail === "string" ? data.detail : t("error"));
          }
          return data;
        });
      }, function () {
        throw new Error(t("offline"));
      });
  }

  /* ---------- "Was dit nuttig?" ---------- */

  /* Thumbs from Feather icons (MIT licence, feathericons.com): outlines in the text colour. */
  var THUMBS = {
    up: "M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7" +
      "a2 2 0 0 1 2-2h3",
    down: "M10 15v4a3 3 0 0 0 3 3l4-9V2H5.72a2 2 0 0 0-2 1.7l-1.38 9a2 2 0 0 0 2 2.3zm7-13h2.67A2.31 2.31 0 0 1 " +
      "22 4v7a2.31 2.31 0 0 1-2.33 2H17"
  };
  var SVG = "http://www.w3.org/2000/svg";

  function thumb(rating) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "feedback__icon");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", THUMBS[rating]);
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "currentColor");
    path.setAttribute("stroke-width", "2");
    path.setAttribute("stroke-linecap", "round");
    path.setAttribute("stroke-linejoin", "round");
    svg.appendChild(path);
    return svg;
  }

  function ratingButton(rating, label) {
    var button = el("button", "feedback__button");
    button.type = "button";
    button.setAttribute("aria-pressed", "false");
    button.setAttribute("data-rating", rating);
    button.appendChild(thumb(rating));
    button.appendChild(el("span", "visually-hidden", label));
    return button;
  }

  function addFeedback(message, entry) {
    if (!message || message.querySelector(".feedback")) {
      return;
    }
    counter += 1;
    var id = entry.id;
    var ratings = readStore(RATINGS_KEY);
    var box = el("div", "feedback");
    box.setAttribute("role", "group");
    var question = el("p", "feedback__question", t("feedback-question"));
    question.id = "feedback-question-" + counter;
    box.setAttribute("aria-labelledby", question.id);
    box.appendChild(question);
    var up = ratingButton("up", t("feedback-up"));
    var down = ratingButton("down", t("feedback-down"));
    box.appendChild(up);
    box.appendChild(down);
    var status = el("p", "feedback__status");
    status.setAttribute("role", "status");
    box.appendChild(status);

    var form = el("form", "feedback__comment");
    form.hidden = true;
    form.noValidate = true;
    var field = el("textarea");
    field.id = "feedback-comment-" + counter;
    field.rows = 2;
    field.maxLength = MAX_COMMENT;
    field.dir = "auto";
    var hint = el("p", "feedback__hint", t("feedback-comment-hint"));
    hint.id = field.id + "-hint";
    field.setAttribute("aria-describedby", hint.id);
    var label = el("label", "feedback__label", t("feedback-comment-label"));
    label.htmlFor = field.id;
    var send = el("button", "button button--primary feedback__send", t("feedback-send"));
    send.type = "submit";
    form.appendChild(label);
    form.appendChild(hint);
    form.appendChild(field);
    form.appendChild(send);
    box.appendChild(form);

    function show(rating) {
      up.setAttribute("aria-pressed", rating === "up" ? "true" : "false");
      down.setAttribute("aria-pressed", rating === "down" ? "true" : "false");
    }

    function rate(rating, comment) {
      var body = { sender_id: app.getAttribute("data-sender"), message_id: id, rating: rating };
      if (comment) {
        body.comment = comment;
      }
      return post("/feedback", body).then(function (saved) {
        ratings = readStore(RATINGS_KEY);
        ratings[id] = saved.rating;
        writeStore(RATINGS_KEY, ratings);
        show(saved.rating);
        return saved;
      });
    }

    up.addEventListener("click", function () {
      form.hidden = true;
      rate("up").then(function () {
        status.textContent = t("feedback-thanks");
      }, function (error) {
        status.textContent = error.message;
      });
    });
    down.addEventListener("click", function () {
      /* open the comment field at once (the user's click moves the focus there, not a late answer) */
      form.hidden = false;
      field.focus();
      rate("down").then(function () {
        status.textContent = t("feedback-ask-comment");
      }, function (error) {
        form.hidden = true;
        status.textContent = error.message;
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var comment = field.value.trim();
      if (!comment) {
        field.focus();
        return;
      }
      rate("down", comment).then(function () {
        form.hidden = true;
        field.value = "";
        status.textContent = t("feedback-comment-thanks");
        down.focus();
      }, function (error) {
        status.textContent = error.message;
      });
    });

    show(ratings[id] || null);
    message.appendChild(box);
  }

  /* ---------- "Hoe tevreden bent u?" ---------- */

  function askSatisfaction(senderId) {
    var asked = readStore(SATISFACTION_KEY);
    if (asked[senderId] || document.getElementById("satisfaction")) {
      return;
    }
    asked[senderId] = "asked";
    writeStore(SATISFACTION_KEY, asked);
    var wrapper = el("div", "message message--notice");
    wrapper.id = "satisfaction";
    var form = el("form", "notice satisfaction");
    form.noValidate = true;
    var fieldset = el("fieldset", "satisfaction__fieldset");
    fieldset.appendChild(el("legend", "satisfaction__question", t("satisfaction-question")));
    var choices = el("div", "satisfaction__choices");
    for (var score = 1; score <= 5; score += 1) {
      var option = el("label", "satisfaction__choice");
      var radio = el("input");
      radio.type = "radio";
      radio.name = "satisfaction";
      radio.value = String(score);
      option.appendChild(radio);
      option.appendChild(el("span", null, t("satisfaction-" + score)));
      choices.appendChild(option);
    }
    fieldset.appendChild(choices);
    form.appendChild(fieldset);
    var status = el("p", "satisfaction__status");
    status.setAttribute("role", "status");
    var send = el("button", "button button--primary", t("satisfaction-send"));
    send.type = "submit";
    var skip = el("button", "link-button", t("satisfaction-skip"));
    skip.type = "button";
    var actions = el("div", "satisfaction__actions");
    actions.appendChild(send);
    actions.appendChild(skip);
    form.appendChild(actions);
    form.appendChild(status);
    wrapper.appendChild(form);
    transcript.appendChild(wrapper);

    skip.addEventListener("click", function () {
      wrapper.remove();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[name=satisfaction]:checked");
      if (!chosen) {
        status.textContent = t("satisfaction-choose");
        return;
      }
      post("/satisfaction", { sender_id: senderId, score: parseInt(chosen.value, 10) }).then(function () {
        form.replaceChildren(el("p", null, t("satisfaction-thanks")));
        form.setAttribute("role", "status");
      }, function (error) {
        status.textContent = error.message;
      });
    });
  }

  /* ---------- events from chat.js ---------- */

  app.addEventListener("lpa:bot-turn", function (event) {
    var detail = event.detail || {};
    var items = Array.isArray(detail.items) ? detail.items : [];
    var answered = items.filter(function (item) {
      return item && item.entry && typeof item.entry.id === "number" && item.entry.text;
    });
    if (answered.length) {
      var last = answered[answered.length - 1];
      addFeedback(last.element, last.entry);
      showDownload(detail.senderId);
    }
    if (!detail.restored && END_INTENTS.indexOf(detail.intent) !== -1 && detail.senderId) {
      askSatisfaction(detail.senderId);
    }
  });

  app.addEventListener("lpa:new-conversation", function () {
    var open = document.getElementById("satisfaction");
    if (open) {
      open.remove();
    }
    if (download) {
      download.hidden = true;
    }
  });

  /* The download link appears once there is a conversation to download. */
  function showDownload(senderId) {
    if (!download || !senderId) {
      return;
    }
    download.href = endpoint + "/" + encodeURIComponent(senderId) + "/transcript?language=" +
      encodeURIComponent(language);
    download.hidden = false;
  }
})();
