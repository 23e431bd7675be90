// The query page's editor: CodeMirror 5 over the form's textarea, when it is installed.
// Without this script (or without CodeMirror) the page is a plain form that works alike.
(function () {
  "use strict";
  var textarea = document.getElementById("query");
  var form = textarea && textarea.form;
  if (!form) {
    return;
  }
  var editor = null;
  if (window.CodeMirror) {
    editor = window.CodeMirror.fromTextArea(textarea, {
      mode: "application/sparql-query",
      lineNumbers: true,
      matchBrackets: true,
      indentUnit: 2,
      lineWrapping: true,
      // the editor's own input is what screen readers reach: give it the form's label
      screenReaderLabel: (document.querySelector('label[for="query"]') || {}).textContent || "SPARQL",
      viewportMargin: Infinity,
      extraKeys: {
        "Ctrl-Enter": function () { form.requestSubmit(); },
        "Cmd-Enter": function () { form.requestSubmit(); },
      },
    });
    document.documentElement.classList.add("has-editor");
  } else {
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  function load(text) {
    if (editor) {
      editor.setValue(text);
      editor.focus();
    } else {
      textarea.value = text;
      textarea.focus();
    }
    form.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  var examples = document.querySelectorAll("#examples li[data-example]");
  Array.prototype.forEach.call(examples, function (item) {
    var button = item.querySelector("button.load");
    var code = item.querySelector("pre code");
    if (!button || !code) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () { load(code.textContent); });
  });
})();
