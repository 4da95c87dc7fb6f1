// The seats left on an event page, which the page cache keeps for everyone: read fresh
// from the address in data-seats-url (answered within seconds) and written into the
// element, which screen readers announce politely. Without this script the registration
// page, which is never cached, says the same.
(function () {
    "use strict";
    var seats = document.querySelector("[data-seats-url]");
    if (!seats || !window.fetch) return;
    fetch(seats.getAttribute("data-seats-url"), { credentials: "omit" })
        .then(function (response) {
            return response.ok ? response.text() : null;
        })
        .then(function (text) {
            if (text) seats.textContent = text;
        })
        .catch(function () {});
})();
