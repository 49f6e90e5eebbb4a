// Draws <figure class="chart" data-chart> from its table.chart-table with uPlot. The table holds
// the numbers (first column: data-value = epoch seconds; other columns: one series each, the
// header's text is its label) and stays available for screen readers and "Show the numbers".
// uPlot's stylesheet is imported by styles/main.css. Colours come from the CSS variables, so the chart follows the light and dark themes; it is
// redrawn when the theme changes and resized with its figure.

import uPlot from 'uplot';

const HEIGHT = 240;

function cssVar(name, fallback) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function readTable(table) {
  const labels = Array.from(table.tHead.rows[0].cells).slice(1).map((th) => th.textContent.trim());
  const rows = Array.from(table.tBodies[0].rows)
    .map((row) => Array.from(row.cells).map((cell) => {
      const n = Number(cell.dataset.value);
      return cell.dataset.value === undefined || cell.dataset.value === '' || Number.isNaN(n) ? null : n;
    }))
    .filter((cells) => cells[0] !== null)
    .sort((a, b) => a[0] - b[0]);
  const data = [rows.map((cells) => cells[0])];
  labels.forEach((label, i) => data.push(rows.map((cells) => cells[i + 1])));
  return { labels, data };
}

function options(figure, labels, xs, width) {
  const text = cssVar('--text-muted', '#566273');
  const grid = cssVar('--border', '#d5dbe3');
  const colours = [cssVar('--accent', '#1f5fbf'), cssVar('--danger', '#b42318'), cssVar('--ok', '#1e7a3c')];
  const font = `12px ${cssVar('--font', 'system-ui')}`;
  const axis = { stroke: text, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true, range: xRange(figure, xs) }, y: { range: [0, 100] } },
    axes: [{ ...axis }, { ...axis, size: 40 }],
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    series: [
      {},
      ...labels.map((label, i) => ({
        label,
        stroke: colours[i % colours.length],
        width: i === 0 ? 2.5 : 1.25,
        dash: i === 0 ? undefined : [4, 4],
        points: { show: true, size: i === 0 ? 6 : 3 },
        spanGaps: false,
      })),
    ],
  };
}

const PAD = 3 * 3600;

// The period the page asked for (data-from, data-to: epoch seconds), so a single point is not
// stretched over an invented range; without one, the data's own span, at least six hours around
// a lone point.
function xRange(figure, xs) {
  const from = Number(figure.dataset.from);
  const to = Number(figure.dataset.to);
  if (from && to && from < to) return () => [from, to];
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return () => (max - min < 2 * PAD ? [min - PAD, max + PAD] : [min, max]);
}

function draw(figure) {
  const table = figure.querySelector('table.chart-table');
  const plot = figure.querySelector('.chart-plot');
  if (!table || !plot || !table.tHead || !table.tBodies[0]) return;
  const { labels, data } = readTable(table);
  if (data[0].length === 0) return;
  const render = () => {
    if (figure.chart) figure.chart.destroy();
    plot.textContent = '';
    figure.chart = new uPlot(options(figure, labels, data[0], Math.max(200, plot.clientWidth)), data, plot);
  };
  render();
  figure.classList.add('chart-drawn');
  figure.redraw = render;
  if ('ResizeObserver' in window) {
    let last = plot.clientWidth;
    new ResizeObserver(() => {
      const width = plot.clientWidth;
      if (width !== last && figure.chart) {
        last = width;
        figure.chart.setSize({ width: Math.max(200, width), height: HEIGHT });
      }
    }).observe(plot);
  }
}

export function initCharts(root = document) {
  const figures = Array.from(root.querySelectorAll('figure[data-chart]'));
  if (figures.length === 0) return;
  figures.forEach(draw);
  const redrawAll = () => figures.forEach((figure) => figure.redraw && figure.redraw());
  new MutationObserver(redrawAll).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redrawAll);
}
