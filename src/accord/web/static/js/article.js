// Article page: link each highlight in the text to its event or quote card, both ways.
(function () {
  "use strict";
  const text = document.getElementById("article-text");
  if (!text) return;
  const marksFor = (key) =>
    Array.from(text.querySelectorAll("mark[data-spans]")).filter((m) =>
      m.dataset.spans.split(" ").includes(key));
  const cardFor = (key) =>
    Array.from(document.querySelectorAll(".card[data-key]")).find((c) => c.dataset.key === key);

  function activate(key) {
    document.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
    if (!key) return;
    marksFor(key).forEach((m) => m.classList.add("active"));
    const card = cardFor(key);
    if (card) card.classList.add("active");
  }

  document.querySelectorAll(".card[data-key]").forEach((card) => {
    card.addEventListener("mouseenter", () => activate(card.dataset.key));
    card.addEventListener("click", () => {
      activate(card.dataset.key);
      const first = marksFor(card.dataset.key)[0];
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });
  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-spans]");
    if (!mark) return;
    const key = mark.dataset.spans.split(" ")[0];
    activate(key);
    const card = cardFor(key);
    if (card) card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });
  const focus = document.getElementById("focus");
  if (focus) focus.scrollIntoView({ block: "center" });
})();
