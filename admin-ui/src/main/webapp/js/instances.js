// "By instance" on the overview: which server instance served how many calls (a cluster's instances share
// one metrics database). Self-contained on purpose: it reads the same filter fields as the rest of the
// console and renders only into its own section. Data goes in as text, never as HTML.
(function () {
  'use strict';

  const RANGES = { PT1H: 3600e3, PT6H: 6 * 3600e3, PT24H: 24 * 3600e3, P7D: 7 * 86400e3, P30D: 30 * 86400e3 };
  const REFRESH_MS = 30000;
  const $ = (id) => document.getElementById(id);

  function query() {
    const params = new URLSearchParams();
    const range = $('range') ? $('range').value : 'PT24H';
    let until = new Date();
    let since = new Date(until - (RANGES[range] || RANGES.PT24H));
    if (range === 'custom') {
      since = $('since').value ? new Date($('since').value) : new Date(until - RANGES.PT24H);
      until = $('until').value ? new Date($('until').value) : until;
    }
    params.set('since', since.toISOString());
    params.set('until', until.toISOString());
    const tenant = $('tenant') ? $('tenant').value.trim() : '';
    if (tenant) {
      params.set('tenant', tenant);
    }
    return params;
  }

  function section() {
    let container = $('instances');
    if (!container) {
      const heading = document.createElement('h2');
      heading.textContent = 'By instance';
      container = document.createElement('div');
      container.id = 'instances';
      container.className = 'table';
      const page = $('page-overview') || document.querySelector('main') || document.body;
      page.append(heading, container);
    }
    return container;
  }

  function cell(tag, text) {
    const node = document.createElement(tag);
    node.textContent = text;
    return node;
  }

  async function refresh() {
    const container = section();
    try {
      const response = await fetch('api/metrics/instances?' + query(), {
        headers: { 'X-Requested-With': 'trackdesk-console', Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) {
        return; // the rest of the console shows login and database problems
      }
      const shares = await response.json();
      container.replaceChildren();
      if (shares.length === 0) {
        container.append(cell('p', 'No calls in this time range.'));
        return;
      }
      const total = shares.reduce((sum, share) => sum + share.calls, 0);
      const table = document.createElement('table');
      const head = document.createElement('tr');
      ['Instance', 'Calls', 'Share', 'Errors'].forEach((h) => head.append(cell('th', h)));
      table.append(head);
      shares.forEach((share) => {
        const row = document.createElement('tr');
        row.append(cell('td', share.name), cell('td', share.calls.toLocaleString('en')),
          cell('td', (100 * share.calls / total).toFixed(1) + ' %'), cell('td', share.errors.toLocaleString('en')));
        table.append(row);
      });
      container.append(table);
    } catch (e) {
      // a failed refresh keeps the last table; the next one tries again
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    refresh();
    const filters = $('filters');
    if (filters) {
      filters.addEventListener('submit', () => setTimeout(refresh, 0));
    }
    setInterval(refresh, REFRESH_MS);
  });
})();
