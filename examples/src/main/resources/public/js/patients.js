// The grid of patient cards: the latest value and a sparkline per vital sign, highlighted during an active alert.

import { createSparkline, drawSparkline } from './sparkline.js';
import { describeKind, formatPoint, readingPoint, showTime } from './vitals.js';

/** Readings kept (and drawn) per vital sign of a patient. */
export const HISTORY = 60;

const SEVERITY_LABELS = { critical: 'Critical', high: 'High', warning: 'Warning' };

function clone(templateId) {
  return document.getElementById(templateId).content.firstElementChild.cloneNode(true);
}

function insertSorted(parent, element, key) {
  const next = [...parent.children].find(child => key(child) > key(element));
  parent.insertBefore(element, next ?? null);
}

export class PatientBoard {
  #grid;
  #empty;
  #count;
  #patients = new Map();

  /** Renders into the grid element; hides the empty note once a patient shows up and keeps the count current. */
  constructor(grid, empty, count) {
    this.#grid = grid;
    this.#empty = empty;
    this.#count = count;
  }

  /**
   * Shows a reading {patient_id, kind, unit, timestamp, values}. A reading not newer than the latest one of its
   * patient and kind (a replayed duplicate) is ignored.
   */
  addReading(reading) {
    const time = Date.parse(reading.timestamp);
    const point = readingPoint(reading.kind, reading.values);
    if (typeof reading.patient_id !== 'string' || typeof reading.kind !== 'string' || !point || Number.isNaN(time)) {
      return;
    }
    const patient = this.#patient(reading.patient_id);
    const vital = this.#vital(patient, reading.kind, reading.unit);
    if (time <= vital.latest) {
      return;
    }
    vital.latest = time;
    vital.points.push(point);
    if (vital.points.length > HISTORY) {
      vital.points.shift();
    }
    this.#render(vital, point, reading);
    if (time > patient.latest) {
      patient.latest = time;
      showTime(patient.updated, reading.timestamp);
      patient.card.dataset.lastReading = new Date(time).toISOString();
    }
  }

  /** Marks the patient's card with its most severe active alert, or as stable when the list is empty. */
  showAlerts(patientId, activeAlerts) {
    const patient = this.#patient(patientId);
    const card = patient.card;
    const worst = activeAlerts[0];
    const status = card.querySelector('[data-patient-status]');
    if (worst) {
      card.dataset.alertSeverity = worst.severity;
      const condition = String(worst.condition ?? worst.kind).replaceAll('_', ' ');
      status.textContent = `${SEVERITY_LABELS[worst.severity] ?? worst.severity}: ${condition}`;
    } else {
      delete card.dataset.alertSeverity;
      status.textContent = 'Stable';
    }
    patient.alerting = new Set(activeAlerts.map(alert => alert.kind));
    for (const [kind, vital] of patient.vitals) {
      vital.row.toggleAttribute('data-alerting', patient.alerting.has(kind));
    }
  }

  #patient(id) {
    let patient = this.#patients.get(id);
    if (!patient) {
      const card = clone('patient-template');
      card.dataset.patientId = id;
      card.querySelector('.patient-name').textContent = id;
      card.setAttribute('aria-label', `Patient ${id}`);
      patient = {
        card,
        list: card.querySelector('.vitals'),
        updated: card.querySelector('[data-updated]'),
        vitals: new Map(),
        alerting: new Set(),
        latest: -Infinity,
      };
      this.#patients.set(id, patient);
      insertSorted(this.#grid, card, element => element.dataset.patientId);
      this.#empty.hidden = true;
      this.#count.textContent = String(this.#patients.size);
    }
    return patient;
  }

  #vital(patient, kind, unit) {
    let vital = patient.vitals.get(kind);
    if (!vital) {
      const info = describeKind(kind, unit);
      const row = clone('vital-template');
      row.dataset.kind = kind;
      row.dataset.position = String(info.position).padStart(3, '0') + kind;
      row.toggleAttribute('data-alerting', patient.alerting.has(kind));
      row.querySelector('.vital-label').textContent = info.label;
      row.querySelector('.vital-unit').textContent = info.unit;
      const sparkline = createSparkline();
      row.append(sparkline);
      vital = { row, info, sparkline, value: row.querySelector('[data-value]'), points: [], latest: -Infinity };
      patient.vitals.set(kind, vital);
      insertSorted(patient.list, row, element => element.dataset.position);
    }
    return vital;
  }

  #render(vital, point, reading) {
    const { info, points } = vital;
    const text = formatPoint(point, info.digits);
    vital.value.textContent = text;
    vital.row.dataset.value = text;
    vital.row.dataset.timestamp = reading.timestamp;
    vital.row.dataset.points = String(points.length);
    const primaries = points.map(p => p.primary);
    const describe = `${info.label}, last ${points.length} readings: latest ${text} ${info.unit}, `
      + `lowest ${formatPoint({ primary: Math.min(...primaries) }, info.digits)}, `
      + `highest ${formatPoint({ primary: Math.max(...primaries) }, info.digits)}`;
    drawSparkline(vital.sparkline, points, { normal: info.normal, span: info.span, capacity: HISTORY, describe });
  }
}
