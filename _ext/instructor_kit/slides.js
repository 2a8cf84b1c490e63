// The workshop slides: the book's light or dark mode, then reveal.js, keyboard-driven, with
// the speaker notes plugin (press S for the speaker view).
(() => {
  // The book's own setting (pydata-sphinx-theme keeps it in localStorage); light by default, as the book.
  const mode = localStorage.getItem("mode");
  const dark = mode === "dark" || (mode === "auto" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";

  // Slides out of view are inert: the keyboard and screen readers stay on the slide shown.
  // On a phone (narrower than reveal's scrollActivationWidth) the deck becomes one page to
  // scroll, and every slide stays live.
  const onlyCurrent = () => {
    const scrolling = Reveal.isScrollView();
    for (const slide of document.querySelectorAll(".reveal .slides > section")) {
      slide.inert = !scrolling && !slide.classList.contains("present");
    }
  };
  for (const event of ["ready", "slidechanged", "resize"]) Reveal.on(event, onlyCurrent);
  Reveal.initialize({
    hash: true,
    width: 1280,
    height: 720,
    margin: 0.04,
    center: false,
    transition: "none",
    backgroundTransition: "none",
    slideNumber: "c/t",
    plugins: [RevealNotes],
  });
})();
