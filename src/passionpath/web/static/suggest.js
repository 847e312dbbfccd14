// Type-ahead for the occupation fields (inputs marked data-suggest): as the person types,
// the field's <datalist> is filled with matching titles from /search/suggest. The forms
// work the same without this script; it only saves typing.
(() => {
  const fields = document.querySelectorAll("input[data-suggest][list]");
  for (const input of fields) {
    const list = document.getElementById(input.getAttribute("list"));
    if (!list) continue;
    let timer = 0;
    let pending = null;
    let asked = "";
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => suggest(input.value.trim()), 150);
    });
    async function suggest(query) {
      if (query.length < 2 || query === asked) return;
      asked = query;
      if (pending) pending.abort();
      pending = new AbortController();
      let found;
      try {
        const response = await fetch("/search/suggest?q=" + encodeURIComponent(query), {
          signal: pending.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) return;
        found = (await response.json()).suggestions;
      } catch (error) {
        return; // superseded by a newer query, or offline: the plain form still works
      }
      const lower = query.toLowerCase();
      list.replaceChildren(
        ...found.map((s) => {
          const option = document.createElement("option");
          option.value = s.title;
          let label = s.matched_title.toLowerCase() !== s.title.toLowerCase()
            ? "also called " + s.matched_title : "";
          // Browsers only list options that contain what was typed, so a suggestion found
          // despite a typo says what it was found for.
          if (!(s.title + " " + label).toLowerCase().includes(lower)) {
            label = (label ? label + " · " : "") + "for “" + query + "”";
          }
          if (label) option.label = label;
          return option;
        }),
      );
    }
  }
})();
