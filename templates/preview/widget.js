/* ssq-gen preview: a stand-in for SaleSmartly's widget (its install.js), served by the preview
   itself, so that the page asks no other host. It does what ssq-gen's block uses: the queue, the
   settings in __ssc.setting, setLoginInfo, chatOpen, chatClose, clearUser, hideUpload,
   hideCloseIcon, sendTextMessage and every listener, with a chat bubble and window to click. Every
   command it receives and every event it fires goes to window.ssqPreview's log. The real widget
   does more; this is what the block can be seen doing. */
(function (w, d) {
  var preview = w.ssqPreview;
  var ssq = w.ssq;
  if (!ssq || !preview || preview.widget) { return; }
  var listeners = {};
  var setting = (w.__ssc && w.__ssc.setting) || {};
  var state = { open: false, unread: 0, visitor: null, hiddenUploads: [], closeIcon: true, messages: [] };

  function fire(name, payload) {
    preview.record("event", name, payload === undefined ? null : payload);
    var list = listeners[name] || [];
    for (var i = 0; i < list.length; i++) {
      try {
        if (payload === undefined) { list[i](); } else { list[i](JSON.parse(JSON.stringify(payload))); }
      } catch (e) {
        preview.record("error", name, String(e));
      }
    }
  }

  var bubble = d.createElement("button");
  bubble.id = "ssq-preview-bubble";
  bubble.type = "button";
  bubble.setAttribute("aria-label", "Chat (the stand-in widget)");
  bubble.textContent = "\ud83d\udcac";
  var count = d.createElement("span");
  count.className = "ssq-preview-count";
  bubble.appendChild(count);
  var chat = d.createElement("section");
  chat.id = "ssq-preview-chat";
  chat.hidden = true;
  chat.innerHTML =
    '<header><span class="ssq-preview-who"></span><button type="button" class="ssq-preview-close" aria-label="Close">\u00d7</button></header>' +
    '<ol class="ssq-preview-messages"></ol>' +
    '<form><input name="text" placeholder="Write as the visitor\u2026" autocomplete="off">' +
    '<span class="ssq-preview-uploads"><button type="button" data-upload="img">img</button><button type="button" data-upload="video">video</button><button type="button" data-upload="document">document</button></span>' +
    '<button type="submit">Send</button></form>';

  function render() {
    bubble.hidden = setting.hideIcon === true;
    count.textContent = state.unread ? String(state.unread) : "";
    chat.hidden = !state.open;
    chat.querySelector(".ssq-preview-close").hidden = !state.closeIcon;
    var who = state.visitor ? (state.visitor.user_name || state.visitor.user_id || "visitor") : "anonymous visitor";
    chat.querySelector(".ssq-preview-who").textContent = "Chat with " + who;
    var uploads = chat.querySelectorAll("[data-upload]");
    for (var i = 0; i < uploads.length; i++) {
      uploads[i].hidden = state.hiddenUploads.indexOf(uploads[i].getAttribute("data-upload")) >= 0;
    }
    var list = chat.querySelector(".ssq-preview-messages");
    list.textContent = "";
    for (var j = 0; j < state.messages.length; j++) {
      var item = d.createElement("li");
      item.className = "ssq-preview-" + state.messages[j].from;
      item.textContent = state.messages[j].text;
      list.appendChild(item);
    }
  }

  function open() {
    if (state.open) { return; }
    state.open = true;
    state.unread = 0;
    render();
    fire("onOpenChat");
    fire("onUnRead", { num: 0, list: [] });
  }

  function close() {
    if (!state.open) { return; }
    state.open = false;
    render();
    fire("onCloseChat");
  }

  function visitorSays(text) {
    state.messages.push({ from: "visitor", text: text });
    render();
    fire("onSendMessage", { type: "text", content: text });
  }

  function agentSays(text) {
    state.messages.push({ from: "agent", text: text });
    if (!state.open) { state.unread += 1; }
    render();
    fire("onReceiveMessage", { type: "text", content: text });
    if (!state.open) { fire("onUnRead", { num: state.unread, list: [{ type: "text", content: text }] }); }
  }

  function receive(name, arg) {
    if (typeof arg === "function") {
      (listeners[name] = listeners[name] || []).push(arg);
      preview.record("command", name, "(listener)");
      return;
    }
    preview.record("command", name, arg === undefined ? null : arg);
    switch (name) {
      case "setLoginInfo": state.visitor = arg || null; break;
      case "clearUser": state.visitor = null; state.messages = []; break;
      case "chatOpen": open(); return;
      case "chatClose": close(); return;
      case "hideUpload": state.hiddenUploads = arg || []; break;
      case "hideCloseIcon": state.closeIcon = false; break;
      case "sendTextMessage": visitorSays(String(arg)); return;
    }
    render();
  }

  preview.widget = {
    agentMessage: agentSays,
    visitorMessage: visitorSays,
    setUnread: function (n) { state.unread = n; render(); fire("onUnRead", { num: n, list: [] }); },
    ready: function () { fire("onReady"); }
  };
  bubble.addEventListener("click", function () { if (state.open) { close(); } else { open(); } });
  chat.querySelector(".ssq-preview-close").addEventListener("click", close);
  chat.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var input = chat.querySelector("input");
    if (input.value) { visitorSays(input.value); input.value = ""; }
  });
  (d.body || d.documentElement).appendChild(bubble);
  (d.body || d.documentElement).appendChild(chat);

  ssq.callMethod = function () { receive.apply(null, arguments); };
  var queue = ssq.queue || [];
  for (var i = 0; i < queue.length; i++) { receive.apply(null, queue[i]); }
  queue.length = 0;
  render();
  setTimeout(function () { fire("onReady"); }, 0);
})(window, document);
