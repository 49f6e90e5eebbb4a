// Ballast's progressive enhancement: theme toggle, navigation on narrow screens, confirmations,
// live scan progress, sortable and exportable tables, charts.
// Every page works without it.

import { initScanProgress } from './scan-progress.js';
import { initTableTools } from './table-tools.js';
import { initCharts } from './charts.js';
import { initScrollRegions } from './scroll-regions.js';
import { initSizing } from './sizing.js';
import { initNetwork } from './network.js';
import { initTaints } from './taints.js';
import { initIsolation } from './isolation.js';
import { initRbac } from './rbac.js';

const THEME_KEY = 'ballast.theme';
const THEMES = ['system', 'light', 'dark'];

function currentTheme() {
  const t = document.documentElement.dataset.theme;
  return t === 'light' || t === 'dark' ? t : 'system';
}

function applyTheme(theme) {
  const root = document.documentElement;
  if (theme === 'system') {
    delete root.dataset.theme;
  } else {
    root.dataset.theme = theme;
  }
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch (e) {
    // not remembered, still applied
  }
  document.querySelectorAll('[data-theme-toggle]').forEach((button) => {
    button.dataset.current = theme;
    const label = button.dataset[`label${theme[0].toUpperCase()}${theme.slice(1)}`];
    if (label) {
      button.setAttribute('aria-label', label);
      button.title = label;
      const text = button.querySelector('[data-theme-label]');
      if (text) text.textContent = label;
    }
  });
}

function initThemeToggle() {
  document.querySelectorAll('[data-theme-toggle]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => {
      const next = THEMES[(THEMES.indexOf(currentTheme()) + 1) % THEMES.length];
      applyTheme(next);
    });
  });
  applyTheme(currentTheme());
}

function initNavToggle() {
  const toggle = document.querySelector('[data-nav-toggle]');
  const nav = document.getElementById('primary-nav');
  if (!toggle || !nav) return;
  toggle.hidden = false;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    nav.classList.toggle('is-open', !open);
  });
}

function initConfirmations() {
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
}

function initCopyButtons() {
  document.querySelectorAll('[data-copy-target]').forEach((button) => {
    const target = document.getElementById(button.dataset.copyTarget);
    if (!target || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(target.textContent.trim());
      button.textContent = button.dataset.copiedLabel || button.textContent;
    });
  });
}

document.addEventListener('DOMContentLoaded', () => {
  initThemeToggle();
  initNavToggle();
  initConfirmations();
  initCopyButtons();
  initScanProgress();
  initTableTools();
  initCharts();
  initScrollRegions();
  initSizing();
  initNetwork();
  initTaints();
  initIsolation();
  initRbac();
});

document.addEventListener('change', (event) => {
  const el = event.target;
  if (el instanceof HTMLSelectElement && el.hasAttribute('data-autosubmit') && el.form) {
    el.form.submit();
  }
});

// Forms with alternative sections (e.g. how to connect a cluster): show only the chosen one.
function initMethodChoice() {
  const choices = document.querySelectorAll('[data-method-choice]');
  if (choices.length === 0) return;
  const update = () => {
    const chosen = document.querySelector('[data-method-choice]:checked');
    document.querySelectorAll('[data-method]').forEach((section) => {
      section.hidden = chosen !== null && section.dataset.method !== chosen.value;
    });
  };
  choices.forEach((choice) => choice.addEventListener('change', update));
  update();
}

document.addEventListener('DOMContentLoaded', initMethodChoice);

// Upload forms with data-max-bytes: say at once when the chosen files are too large, instead of
// sending them for the server to refuse.
function initUploadLimits() {
  document.querySelectorAll('form[data-max-bytes]').forEach((form) => {
    const max = Number(form.dataset.maxBytes);
    const hint = form.querySelector('input[type="file"] ~ .field-hint');
    form.querySelectorAll('input[type="file"]').forEach((input) => {
      input.addEventListener('change', () => {
        const total = Array.from(input.files).reduce((sum, file) => sum + file.size, 0);
        input.setCustomValidity(total > max && hint ? hint.textContent : '');
        input.setAttribute('aria-invalid', String(total > max));
        if (total > max) input.reportValidity();
      });
    });
  });
}

document.addEventListener('DOMContentLoaded', initUploadLimits);
