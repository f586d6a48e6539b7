/* Stand-in for the widget's install.js: records what the widget would see when it starts (settings,
   license) and every command it receives, queued or live. Listeners are kept so a test can fire
   them: only the last one per event, since the vendor does not document keeping more, so a snippet
   that registers two for one event fails the tests. Every command is recorded, known or not, so a
   misspelt command fails a test too. A page that sets `window.__standInOpensChat` to a delay in ms
   gets the widget's own answer to `chatOpen`: the chat window opens that much later, and the
   `onOpenChat` listener is called; `rec.openedAfter` is how many commands had arrived by then. */
(function (w) {
  var rec = w.__ssqRecord = w.__ssqRecord || { starts: 0, commands: [], listeners: {} };
  rec.starts += 1;
  rec.settingAtStart = JSON.parse(JSON.stringify((w.__ssc && w.__ssc.setting) || null));
  rec.license = w.__ssc ? w.__ssc.license : undefined;
  function receive(name, arg) {
    if (typeof arg === "function") {
      rec.commands.push([name, "<function>"]);
      rec.listeners[name] = [arg];
    } else if (arguments.length > 1) {
      // A function inside an argument (an inherited `extend` copied in) is recorded, not dropped.
      rec.commands.push([name, JSON.parse(JSON.stringify(arg, function (key, value) {
        return typeof value === "function" ? "<function>" : value;
      }))]);
    } else {
      rec.commands.push([name]);
    }
    if (name === "chatOpen" && typeof w.__standInOpensChat === "number" && !rec.opening) {
      rec.opening = true;
      setTimeout(function () {
        rec.opening = false;
        rec.openedAfter = rec.commands.length;
        var opened = rec.listeners.onOpenChat || [];
        for (var i = 0; i < opened.length; i++) { opened[i](); }
      }, w.__standInOpensChat);
    }
  }
  var ssq = w.ssq;
  ssq.callMethod = function () { receive.apply(null, arguments); };
  var queue = ssq.queue || [];
  for (var i = 0; i < queue.length; i++) { receive.apply(null, queue[i]); }
  queue.length = 0;
})(window);
/* What the real widget does when it starts, and what consent must come before: it stores an id in
   the visitor's browser (a cookie and localStorage). */
try {
  document.cookie = "ss_standin_visitor=1; path=/";
  window.localStorage.setItem("ss_standin_visitor", "1");
} catch (e) {}
