// Loaded in <head> before the page paints: applies the theme the user chose (or none, so the
// system setting decides) to avoid a flash of the wrong theme.
const KEY = 'ballast.theme';
try {
  const chosen = localStorage.getItem(KEY);
  if (chosen === 'light' || chosen === 'dark') {
    document.documentElement.dataset.theme = chosen;
  }
} catch (e) {
  // Storage blocked (private mode, policy): the system setting applies.
}
