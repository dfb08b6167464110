/* global window, document */
// Runs before the bundle, in any webview (ES5 only: Internet Explorer 11 and Edge Legacy must parse it). Where the
// pane cannot run — Promise, fetch or WebAssembly missing, or the bundle has not started a few seconds after the page
// loaded (a webview that cannot parse it runs nothing) — it says in Vietnamese and English what to use instead of
// leaving the pane blank. The bundle sets window.ntmStarted as its first statement (src/taskpane/started.ts).
(function () {
  var GRACE_MS = 3000;
  var shown = false;
  var web = document.documentElement.getAttribute("data-page") === "web";

  function missingFeatures() {
    var missing = [];
    if (typeof window.Promise !== "function") missing.push("Promise");
    if (typeof window.fetch !== "function") missing.push("fetch");
    if (typeof window.WebAssembly !== "object" || window.WebAssembly === null)
      missing.push("WebAssembly");
    return missing;
  }

  function add(parent, tag, text) {
    var el = document.createElement(tag);
    if (text) el.appendChild(document.createTextNode(text));
    parent.appendChild(el);
    return el;
  }

  function webAddress() {
    var href = String(window.location.href).split("#")[0].split("?")[0];
    return href.replace(/[^/]*$/, "") + "web.html";
  }

  function show(whyVi, whyEn) {
    if (shown || !document.body) return;
    shown = true;
    var root = document.getElementById("root");
    if (root) root.style.display = "none";
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "old-webview");
    box.style.cssText =
      "font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; line-height: 1.45; padding: 12px 14px; " +
      "color: #242424; background: #fff4ce; border-left: 4px solid #8a6d00; margin: 8px;";
    var vi = add(box, "div");
    vi.setAttribute("lang", "vi");
    add(
      vi,
      "p",
      web
        ? "Trình duyệt này quá cũ để chạy Lập kế hoạch Nông thôn mới (" + whyVi + ")."
        : "Phiên bản Excel này mở ngăn tác vụ bằng trình duyệt nhúng cũ (Internet Explorer hoặc Edge cũ), " +
            "không chạy được Lập kế hoạch Nông thôn mới (" +
            whyVi +
            ")."
    ).style.fontWeight = "bold";
    add(vi, "p", "Hãy dùng một trong các cách sau:");
    var viList = add(vi, "ul");
    if (!web) add(viList, "li", "Microsoft 365, hoặc Office 2021 trở lên;");
    add(
      viList,
      "li",
      "bản chạy trên trình duyệt: mở " +
        webAddress() +
        " trong Chrome, Edge hoặc Firefox bản mới (không cần Excel);"
    );
    add(viList, "li", "dòng lệnh ntm-plan (xem hướng dẫn đi kèm).");
    var en = add(box, "div");
    en.setAttribute("lang", "en");
    add(
      en,
      "p",
      web
        ? "This browser is too old to run NTM Planner (" + whyEn + ")."
        : "This version of Excel opens add-ins in an old embedded browser (Internet Explorer or Edge Legacy), " +
            "which cannot run NTM Planner (" +
            whyEn +
            ")."
    ).style.fontWeight = "bold";
    add(en, "p", "Use one of these instead:");
    var enList = add(en, "ul");
    if (!web) add(enList, "li", "Microsoft 365, or Office 2021 or later;");
    add(
      enList,
      "li",
      "the browser version: open " +
        webAddress() +
        " in a current Chrome, Edge or Firefox (no Excel needed);"
    );
    add(enList, "li", "the ntm-plan command line (see its guide).");
    document.body.insertBefore(box, document.body.firstChild);
  }

  function whenReady(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  var missing = missingFeatures();
  if (missing.length > 0) {
    window.ntmOldWebview = true;
    whenReady(function () {
      show("thiếu " + missing.join(", "), "missing " + missing.join(", "));
    });
    return;
  }
  function check() {
    window.setTimeout(function () {
      if (!window.ntmStarted) show("mã của ngăn không khởi động được", "its code did not start");
    }, GRACE_MS);
  }
  if (document.readyState === "complete") check();
  else window.addEventListener("load", check);
})();
