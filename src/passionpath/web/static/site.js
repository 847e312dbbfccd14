// Small enhancements; every page works the same without them.
(() => {
  // The account menu is a <details>: it closes when the person clicks elsewhere or presses
  // Escape, as menus do.
  const menus = document.querySelectorAll("details.menu");
  document.addEventListener("click", (event) => {
    for (const menu of menus) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const menu of menus) {
      if (menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    }
  });

  // A chart's point that is hovered or reached with the keyboard says its figures in the
  // line under the chart (a tooltip alone never shows for the keyboard).
  for (const figure of document.querySelectorAll("figure.chart")) {
    const out = figure.querySelector(".chart-detail");
    if (!out) continue;
    const show = (event) => {
      const point = event.target.closest("[data-detail]");
      if (!point) return;
      out.textContent = point.dataset.detail;
      out.classList.add("shown");
    };
    figure.addEventListener("focusin", show);
    figure.addEventListener("mouseover", show);
    out.textContent = "Hover over a numbered point, or reach it with the Tab key, to see its name and figures.";
    out.hidden = false;
  }
})();
