// Small inline-SVG charts of a vital sign's recent readings, styled by CSS (so they follow the colour scheme).

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 120;
const HEIGHT = 40;
const PAD = 4;

function svgElement(name, className) {
  const element = document.createElementNS(SVG, name);
  if (className) {
    element.setAttribute('class', className);
  }
  return element;
}

/** An empty sparkline: a normal-range band, two lines (the second for diastolic pressure) and the latest point. */
export function createSparkline() {
  const svg = svgElement('svg', 'sparkline');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('role', 'img');
  svg.append(
    svgElement('rect', 'sparkline-band'),
    svgElement('polyline', 'sparkline-line secondary'),
    svgElement('polyline', 'sparkline-line primary'),
    svgElement('circle', 'sparkline-last'),
  );
  return svg;
}

// The values' range, widened to at least `span` around its middle so that noise does not look like a trend.
function range(points, span) {
  let low = Infinity;
  let high = -Infinity;
  for (const point of points) {
    low = Math.min(low, point.primary, point.secondary ?? Infinity);
    high = Math.max(high, point.primary, point.secondary ?? -Infinity);
  }
  const widen = Math.max(span - (high - low), 0) / 2;
  const margin = Math.max((high - low + 2 * widen) * 0.08, 0.5);
  return [low - widen - margin, high + widen + margin];
}

/**
 * Redraws the sparkline for the points, oldest first, each {primary, secondary?}.
 *
 * @param {SVGSVGElement} svg from createSparkline
 * @param {Array<{primary: number, secondary?: number}>} points
 * @param {{normal: ?number[], span: number, capacity: number, describe: string}} options the usual range (drawn
 *     as a band), the smallest range of values the height stands for, how many points fill the width, and the
 *     accessible description
 */
export function drawSparkline(svg, points, options) {
  const [low, high] = range(points, options.span);
  // Few points spread over the width; once there are `capacity` of them, each new one scrolls the line left.
  const slots = Math.min(Math.max(points.length, 2), options.capacity);
  const step = (WIDTH - 2 * PAD) / (slots - 1);
  const x = i => WIDTH - PAD - step * (points.length - 1 - i);
  const y = v => PAD + (HEIGHT - 2 * PAD) * (1 - (v - low) / (high - low));
  const line = key => points.filter(p => p[key] !== undefined).map((p, i) => `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`);

  const [band, secondary, primary, last] = svg.children;
  const clamp = v => Math.min(Math.max(v, 0), HEIGHT);
  const bandTop = options.normal ? clamp(y(options.normal[1])) : 0;
  const bandBottom = options.normal ? clamp(y(options.normal[0])) : 0;
  band.setAttribute('x', '0');
  band.setAttribute('width', String(WIDTH));
  band.setAttribute('y', bandTop.toFixed(1));
  band.setAttribute('height', (bandBottom - bandTop).toFixed(1));
  primary.setAttribute('points', line('primary').join(' '));
  secondary.setAttribute('points', line('secondary').join(' '));
  const newest = points[points.length - 1];
  last.setAttribute('cx', x(points.length - 1).toFixed(1));
  last.setAttribute('cy', y(newest.primary).toFixed(1));
  last.setAttribute('r', '2.5');
  svg.setAttribute('aria-label', options.describe);
}
