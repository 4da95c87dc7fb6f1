// The review panel under wagtail-localize's translation editor says how many texts are
// still in Swedish and enables "Submit for review" once none is. The editor saves each
// text on its own, without reloading, so this draws the panel again from the server
// (translations.views.review_panel) a moment after the editor changes, and enables or
// disables the footer's "Submit for review" (editor-footer.js) with it.
(function () {
    var WAIT = 400; // ms after the editor's last change

    document.addEventListener("DOMContentLoaded", function () {
        var editor = document.querySelector(".js-translation-editor");
        var panel = document.getElementById("translation-review");
        if (!editor || !panel || !panel.dataset.reviewUrl) return;
        var url = panel.dataset.reviewUrl;
        var timer = null;
        var busy = false;
        var again = false;

        function redraw(html) {
            var holder = document.createElement("div");
            holder.innerHTML = html.trim();
            var fresh = holder.querySelector("#translation-review");
            var current = document.getElementById("translation-review");
            if (!fresh || !current) return;
            current.replaceWith(fresh);
            var submit = document.querySelector('[data-next-step="submit"]');
            if (submit) submit.disabled = fresh.dataset.untranslated !== "0";
        }

        function refresh() {
            if (busy) {
                again = true;
                return;
            }
            busy = true;
            fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest" } })
                .then(function (response) {
                    return response.ok ? response.text() : null;
                })
                .then(function (html) {
                    if (html) redraw(html);
                })
                .catch(function () {})
                .finally(function () {
                    busy = false;
                    if (again) {
                        again = false;
                        refresh();
                    }
                });
        }

        new MutationObserver(function () {
            clearTimeout(timer);
            timer = setTimeout(refresh, WAIT);
        }).observe(editor, { childList: true, subtree: true, characterData: true });
    });
})();
