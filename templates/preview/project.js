/* Stand-in for the dashboard's project script (`script_url`,
   https://plugin-code.salesmartly.com/js/project_….js): the vendor's install code with a license
   baked in, as ../shared/reference/salesmartly-notes.md describes it, which then loads install.js
   (the widget). `ssq-gen preview` serves it offline; the Node harness and the browser suite serve
   it too, and count its runs in `__standIn.projectRuns`. */
(function (d, t, id, w) {
  w.__ssc = w.__ssc || {};
  w.__ssc.license = "standin1";
  (w.__standIn = w.__standIn || { projectRuns: 0 }).projectRuns += 1;
  if (w.ssq) { return; }
  var ssq = w.ssq = function () {
    if (ssq.callMethod) { ssq.callMethod.apply(ssq, arguments); } else { ssq.queue.push(arguments); }
  };
  ssq.push = ssq;
  ssq.loaded = true;
  ssq.queue = [];
  if (d.getElementById(id)) { return; }
  var s = d.createElement(t);
  s.id = id;
  s.async = true;
  s.src = "https://plugin-code.salesmartly.com/chat/widget-v2/code/install.js";
  var first = d.getElementsByTagName(t)[0];
  first.parentNode.insertBefore(s, first);
})(document, "script", "ss-chat", window);
