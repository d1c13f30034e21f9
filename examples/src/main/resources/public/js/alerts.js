// The alert feed: newest first, one entry per alert id, updated in place when the alert resolves.

import { showTime } from './vitals.js';

/** Entries kept in the feed; the oldest resolved ones leave first. */
export const MAX_ENTRIES = 200;

const RANK = { critical: 3, high: 2, warning: 1 };
const LABELS = { critical: 'Critical', high: 'High', warning: 'Warning' };

function startedAt(alert) {
  const time = Date.parse(alert.started_at);
  return Number.isNaN(time) ? Date.now() : time;
}

export class AlertFeed {
  #list;
  #empty;
  #count;
  #onPatientAlerts;
  #alerts = new Map();

  /**
   * @param {HTMLOListElement} list the feed
   * @param {HTMLElement} empty the note shown while the feed is empty
   * @param {HTMLElement} count where the number of active alerts goes
   * @param {function(string, object[]): void} onPatientAlerts told a patient's active alerts, most severe first,
   *     whenever they change
   */
  constructor(list, empty, count, onPatientAlerts) {
    this.#list = list;
    this.#empty = empty;
    this.#count = count;
    this.#onPatientAlerts = onPatientAlerts;
  }

  /** The number of active alerts. */
  get activeCount() {
    let active = 0;
    for (const { alert } of this.#alerts.values()) {
      active += alert.status === 'resolved' ? 0 : 1;
    }
    return active;
  }

  /** Adds an alert {alert_id, patient_id, kind, condition, severity, status, message, started_at, resolved_at}. */
  upsert(alert) {
    if (typeof alert.alert_id !== 'string' || typeof alert.patient_id !== 'string') {
      return;
    }
    let entry = this.#alerts.get(alert.alert_id);
    if (entry?.alert.status === 'resolved' && alert.status !== 'resolved') {
      return; // a replayed "active" after its resolution
    }
    if (!entry) {
      entry = { item: document.getElementById('alert-template').content.firstElementChild.cloneNode(true) };
      this.#alerts.set(alert.alert_id, entry);
      this.#insert(entry.item, startedAt(alert));
    }
    entry.alert = alert;
    this.#render(entry.item, alert);
    this.#trim();
    this.#empty.hidden = this.#alerts.size > 0;
    this.#count.textContent = String(this.activeCount);
    this.#onPatientAlerts(alert.patient_id, this.#activeOf(alert.patient_id));
  }

  #insert(item, time) {
    item.dataset.started = String(time);
    const next = [...this.#list.children].find(child => Number(child.dataset.started) < time);
    this.#list.insertBefore(item, next ?? null);
  }

  #render(item, alert) {
    const severity = RANK[alert.severity] ? alert.severity : 'warning';
    const resolved = alert.status === 'resolved';
    item.dataset.alertId = alert.alert_id;
    item.dataset.patientId = alert.patient_id;
    item.dataset.severity = severity;
    item.dataset.status = resolved ? 'resolved' : 'active';
    item.querySelector('.severity').textContent = LABELS[severity];
    item.querySelector('.alert-message').textContent = alert.message || `${alert.kind}: ${alert.condition}`;
    item.querySelector('.alert-patient').textContent = alert.patient_id;
    showTime(item.querySelector('.alert-started'), alert.started_at);
    const state = item.querySelector('[data-alert-state]');
    state.textContent = '';
    if (resolved) {
      const at = document.createElement('time');
      showTime(at, alert.resolved_at ?? Date.now());
      state.append('Resolved ', at);
    } else {
      state.textContent = 'Active';
    }
  }

  #activeOf(patientId) {
    return [...this.#alerts.values()]
      .map(entry => entry.alert)
      .filter(alert => alert.patient_id === patientId && alert.status !== 'resolved')
      .sort((a, b) => (RANK[b.severity] ?? 0) - (RANK[a.severity] ?? 0));
  }

  #trim() {
    while (this.#alerts.size > MAX_ENTRIES) {
      const items = [...this.#list.children];
      const oldest = items.findLast(item => item.dataset.status === 'resolved') ?? items[items.length - 1];
      this.#alerts.delete(oldest.dataset.alertId);
      oldest.remove();
      this.#onPatientAlerts(oldest.dataset.patientId, this.#activeOf(oldest.dataset.patientId));
    }
  }
}
