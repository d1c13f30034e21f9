// What the dashboard knows about each kind of reading: its label, unit, precision and usual range.

// `normal` is shaded behind the sparklines (roughly where the example agent raises no alert); `span` is the
// smallest range of values a sparkline's height stands for.
const KINDS = {
  heart_rate: { label: 'Heart rate', unit: 'bpm', digits: 0, normal: [50, 100], span: 30 },
  blood_pressure: { label: 'Blood pressure', unit: 'mmHg', digits: 0, normal: null, span: 60 },
  spo2: { label: 'SpO₂', unit: '%', digits: 0, normal: [94, 100], span: 6 },
  temperature: { label: 'Temperature', unit: '°C', digits: 1, normal: [36, 38], span: 1.5 },
};

const KNOWN_ORDER = Object.keys(KINDS);

/** Label, unit, digits, normal range, span and sort position of a kind; unknown kinds get a readable label. */
export function describeKind(kind, unit) {
  const known = KINDS[kind];
  const position = known ? KNOWN_ORDER.indexOf(kind) : KNOWN_ORDER.length;
  if (known) {
    return { ...known, unit: unit || known.unit, position };
  }
  const words = String(kind).replaceAll('_', ' ');
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return { label, unit: unit || '', digits: 1, normal: null, span: 0, position };
}

/**
 * The numbers of a reading's values: blood pressure is systolic over diastolic, everything else one value.
 * Returns null when the reading carries no number.
 */
export function readingPoint(kind, values) {
  if (!values || typeof values !== 'object') {
    return null;
  }
  if (kind === 'blood_pressure') {
    const primary = Number(values.systolic);
    const secondary = Number(values.diastolic);
    return Number.isFinite(primary) && Number.isFinite(secondary) ? { primary, secondary } : null;
  }
  const value = 'value' in values ? values.value : Object.values(values).find(v => typeof v === 'number');
  const primary = Number(value);
  return Number.isFinite(primary) ? { primary } : null;
}

/** The point as shown on a card: "128/82", "72", "37.2". */
export function formatPoint(point, digits) {
  const format = n => n.toFixed(digits);
  return point.secondary === undefined ? format(point.primary) : `${format(point.primary)}/${format(point.secondary)}`;
}

/** A 24-hour clock time of the user's locale, e.g. "14:03:27". */
const CLOCK = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Fills a <time> element with the clock time of an ISO timestamp (or of a Date). */
export function showTime(element, when) {
  const date = when instanceof Date ? when : new Date(when);
  if (Number.isNaN(date.getTime())) {
    element.textContent = '—';
    element.removeAttribute('datetime');
    return;
  }
  element.dateTime = date.toISOString();
  element.textContent = CLOCK.format(date);
}
