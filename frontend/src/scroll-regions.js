// Boxes that scroll sideways (code in <pre>, wide tables) can be reached with the keyboard, so
// their hidden part can be scrolled into view without a mouse (WCAG 2.1.1). Only boxes that
// actually overflow become tab stops; the set is renewed when the window changes size.

const SCROLLERS = 'pre, .table-wrap';

function update() {
  document.querySelectorAll(SCROLLERS).forEach((box) => {
    const overflows = box.scrollWidth > box.clientWidth + 1;
    if (overflows && !box.hasAttribute('tabindex')) {
      box.setAttribute('tabindex', '0');
      box.dataset.scrollRegion = '';
    } else if (!overflows && box.dataset.scrollRegion !== undefined) {
      box.removeAttribute('tabindex');
      delete box.dataset.scrollRegion;
    }
  });
}

export function initScrollRegions() {
  update();
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  });
}
