// Loaded in <head> before the page paints: applies the theme the user chose (or none, so the
// system setting decides) to avoid a flash of the wrong theme, and marks the page as scripted
// (html.js) so the stylesheet folds away what a script can unfold (the navigation on a phone).
const KEY = 'ballast.theme';
document.documentElement.classList.add('js');
try {
  const chosen = localStorage.getItem(KEY);
  if (chosen === 'light' || chosen === 'dark') {
    document.documentElement.dataset.theme = chosen;
  }
} catch (e) {
  // Storage blocked (private mode, policy): the system setting applies.
}
