(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-severity-filter]"));
  var search = document.getElementById("search");
  var counter = document.getElementById("shown-count");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  function apply() {
    var wanted = {};
    boxes.forEach(function (box) { wanted[box.value] = box.checked; });
    var query = search.value.trim().toLowerCase();
    var shown = 0;
    cards.forEach(function (card) {
      var visible = wanted[card.dataset.severity] !== false &&
        (!query || card.textContent.toLowerCase().indexOf(query) !== -1);
      card.hidden = !visible;
      if (visible) { shown += 1; }
    });
    counter.textContent = String(shown);
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  apply();
})();
