// The main menu on narrow screens: collapsed behind a "Menu" button that opens and closes
// it. Progressive: without this script the button stays hidden and the menu stays open.
// Where the browser can tell that scripts will run (the `scripting` media feature), the
// stylesheet draws it closed, with its button, from the first paint, so that nothing below
// moves when this script runs (site.css, "The phone menu").
(function () {
    "use strict";
    var nav = document.querySelector(".main-menu");
    if (!nav) return;
    var button = nav.querySelector(".main-menu__toggle");
    var narrow = window.matchMedia("(max-width: 40rem)");

    function setOpen(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        nav.classList.toggle("main-menu--closed", !open);
        nav.classList.toggle("main-menu--open", open);
    }

    function apply() {
        button.hidden = !narrow.matches;
        setOpen(!narrow.matches);
    }

    button.addEventListener("click", function () {
        setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            button.focus();
        }
    });
    narrow.addEventListener("change", apply);
    apply();
})();
