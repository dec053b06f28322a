/* Privacy page: show the conversation code kept in this browser, so a request for access or erasure can name it. */
(function () {
  "use strict";
  var box = document.getElementById("conversation-code");
  var value = document.getElementById("conversation-code-value");
  if (!box || !value) {
    return;
  }
  var id = null;
  try {
    id = window.localStorage.getItem("lpa.sender");
  } catch (error) {
    id = null;
  }
  if (id && /^[A-Za-z0-9_.:-]{1,128}$/.test(id)) {
    value.textContent = id;
    box.hidden = false;
  }
})();
