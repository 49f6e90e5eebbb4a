// Sortable tables and CSV export, for tables marked up on the server:
//   <table class="data-table" data-sortable data-export="file-stem" data-export-label="Download CSV">
// A cell's data-value (a number or an ISO time) is its sort key; otherwise its text. Sorting is
// stable and keyboard accessible (a button in each header, aria-sort on the header). The export
// writes the rows in the order shown, without rows hidden by a filter (the hidden attribute). Without JavaScript the tables
// stay as the server ordered them.

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function cellKey(cell) {
  if (!cell) return '';
  return cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
}

function isNumeric(value) {
  return value !== '' && !Number.isNaN(Number(value));
}

function bodyRows(table) {
  return Array.from(table.tBodies).flatMap((body) => Array.from(body.rows));
}

function sortBy(table, index, direction) {
  const rows = bodyRows(table);
  const keys = rows.map((row) => cellKey(row.cells[index]));
  const numeric = keys.every((key) => key === '' || isNumeric(key));
  const order = rows.map((row, i) => ({ row, key: keys[i], i }));
  const sign = direction === 'ascending' ? 1 : -1;
  order.sort((a, b) => {
    let c;
    if (numeric) {
      // empty values last, whatever the direction
      if (a.key === '' || b.key === '') c = (a.key === '') - (b.key === '');
      else c = sign * (Number(a.key) - Number(b.key));
    } else {
      c = sign * collator.compare(a.key, b.key);
    }
    return c !== 0 ? c : a.i - b.i;
  });
  const body = table.tBodies[0];
  order.forEach(({ row }) => body.appendChild(row));
}

function initSortable(table) {
  const head = table.tHead && table.tHead.rows[0];
  if (!head || table.dataset.sortReady) return;
  table.dataset.sortReady = 'true';
  Array.from(head.cells).forEach((th, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    while (th.firstChild) button.appendChild(th.firstChild);
    const mark = document.createElement('span');
    mark.className = 'sort-mark';
    mark.setAttribute('aria-hidden', 'true');
    button.appendChild(mark);
    th.appendChild(button);
    button.addEventListener('click', () => {
      const next = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.from(head.cells).forEach((other) => other.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', next);
      sortBy(table, index, next);
    });
  });
}

function csvField(text) {
  const value = text.replace(/\s+/g, ' ').trim();
  return /[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// A cell's text without its controls (a revoke button, a form).
function cellText(cell) {
  const copy = cell.cloneNode(true);
  copy.querySelectorAll('button, form, select, input, textarea').forEach((control) => control.remove());
  return copy.textContent;
}

function toCsv(table) {
  const lines = [];
  const head = table.tHead && table.tHead.rows[0];
  if (head) lines.push(Array.from(head.cells).map((cell) => csvField(cell.textContent)).join(','));
  bodyRows(table)
    .filter((row) => !row.hidden)
    .forEach((row) => lines.push(Array.from(row.cells).map((cell) => csvField(cellText(cell))).join(',')));
  return `${lines.join('\r\n')}\r\n`;
}

function initExport(table) {
  if (table.dataset.exportReady) return;
  table.dataset.exportReady = 'true';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button-small export-button';
  button.textContent = table.dataset.exportLabel || 'CSV';
  button.addEventListener('click', () => {
    const blob = new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${(table.dataset.export || 'table').replace(/[^\w.-]+/g, '-')}.csv`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  });
  const wrap = table.closest('.table-wrap') || table;
  const bar = document.createElement('div');
  bar.className = 'table-tools';
  bar.appendChild(button);
  wrap.parentNode.insertBefore(bar, wrap.nextSibling);
}

export function initTableTools(root = document) {
  root.querySelectorAll('table[data-sortable]').forEach(initSortable);
  root.querySelectorAll('table[data-export]').forEach(initExport);
}
