// A 30-day usage sparkline as inline SVG built with DOM calls (the page's CSP forbids inline script, not SVG).
const NS = 'http://www.w3.org/2000/svg';

export function usageChart(days) {
  const width = 120;
  const height = 24;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('class', 'usage-chart');
  const total = days.reduce((sum, d) => sum + (d.requests ?? 0), 0);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${total} requests in the last ${days.length} days`);
  const title = document.createElementNS(NS, 'title');
  title.textContent = `${total} requests in the last ${days.length} days`;
  svg.append(title);
  const max = Math.max(1, ...days.map((d) => d.requests ?? 0));
  const barWidth = width / Math.max(1, days.length);
  days.forEach((day, i) => {
    const value = day.requests ?? 0;
    const barHeight = value === 0 ? 1 : Math.max(2, (value / max) * (height - 2));
    const bar = document.createElementNS(NS, 'rect');
    bar.setAttribute('x', (i * barWidth + 0.5).toFixed(2));
    bar.setAttribute('y', (height - barHeight).toFixed(2));
    bar.setAttribute('width', Math.max(1, barWidth - 1).toFixed(2));
    bar.setAttribute('height', barHeight.toFixed(2));
    bar.setAttribute('class', value === 0 ? 'bar-empty' : 'bar');
    svg.append(bar);
  });
  return svg;
}
