// wagtail-localize's translation editor makes the last of its footer's actions the big
// main button: for someone who may not publish that is Delete, Stop Synced translation or
// Convert to alias page. Where the page offers the next step instead (a <template
// id="translation-next-step">: submit for review, or back where they came from), this puts
// it in the main button's place and the editor's own action first in the menu beside it.
(function () {
    function place(editor, step) {
        var main = editor.querySelector("footer .footer__container > .w-dropdown-button");
        var menu = main && main.querySelector(".w-dropdown__content");
        var action = main && main.firstElementChild;
        if (!menu || !action || action.contains(menu)) return false;
        menu.insertBefore(action, menu.firstChild);
        main.insertBefore(step.content.cloneNode(true), main.firstChild);
        return true;
    }

    document.addEventListener("DOMContentLoaded", function () {
        var step = document.getElementById("translation-next-step");
        var editor = document.querySelector(".js-translation-editor");
        if (!step || !editor || place(editor, step)) return;
        var observer = new MutationObserver(function () {
            if (place(editor, step)) observer.disconnect();
        });
        observer.observe(editor, { childList: true, subtree: true });
    });
})();
