// wagtail-localize's translation editor writes its section heading in English whatever
// the admin's language ("Svenska to Engelska translation": a template string in its
// React code, not a gettext call). This puts the heading the server translated in its
// place, each time the editor draws it.
(function () {
    var script = document.currentScript;
    var english = script.dataset.english;
    var translated = script.dataset.translated;
    if (!english || !translated || english === translated) return;

    function replace(root) {
        root.querySelectorAll("h2, h3").forEach(function (heading) {
            if (heading.textContent.trim() === english) heading.textContent = translated;
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        var editor = document.querySelector(".js-translation-editor");
        if (!editor) return;
        replace(editor);
        new MutationObserver(function () {
            replace(editor);
        }).observe(editor, { childList: true, subtree: true });
    });
})();
