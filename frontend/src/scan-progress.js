// Live progress of a running scan: polls GET /api/v1/scans/{id}/progress every second (the
// session cookie signs the request), updates the <progress> element and its text, and reloads
// the page once the scan has finished so it shows the result. Without JavaScript the page has
// a plain "refresh" link instead.

function fill(template, values) {
  return template.replace(/\{(\d+)\}/g, (match, index) => values[Number(index)] ?? match);
}

export function initScanProgress() {
  const box = document.querySelector('[data-scan-progress]');
  if (!box || !box.dataset.url) return;
  const text = box.querySelector('[data-progress-text]');
  const phase = box.querySelector('[data-progress-phase]');
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  let failures = 0;

  const show = (progress) => {
    const bar = box.querySelector('progress');
    if (progress.kindsTotal > 0) {
      bar.max = progress.kindsTotal;
      bar.value = progress.kindsDone;
      text.textContent = fill(box.dataset.textKinds, [progress.kindsDone, progress.kindsTotal, progress.objects]
        .map((n) => numbers.format(n)));
    } else {
      bar.removeAttribute('value');
      text.textContent = fill(box.dataset.textObjects, [numbers.format(progress.objects)]);
    }
    const key = `phase${progress.phase.charAt(0).toUpperCase()}${progress.phase.slice(1)}`;
    if (phase && box.dataset[key]) phase.textContent = box.dataset[key];
  };

  const poll = async () => {
    try {
      const response = await fetch(box.dataset.url, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const progress = await response.json();
      failures = 0;
      if (progress.state !== 'running') {
        window.location.reload();
        return;
      }
      show(progress);
    } catch (e) {
      failures += 1;
    }
    // back off while the server does not answer; the refresh link still works
    setTimeout(poll, failures === 0 ? 1000 : Math.min(30000, 1000 * 2 ** failures));
  };
  setTimeout(poll, 1000);
}
