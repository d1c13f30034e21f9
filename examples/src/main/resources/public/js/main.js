// The ward monitor: live vitals and alerts from the agent's /stream/events.

import { AlertFeed } from './alerts.js';
import { LiveStream } from './live-stream.js';
import { PatientBoard } from './patients.js';
import { showTime } from './vitals.js';

const STREAM_URL = '/stream/events';
const STATE_LABELS = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };
const TITLE = document.title;

const byId = id => document.getElementById(id);

const board = new PatientBoard(byId('patient-grid'), byId('patients-empty'), byId('patient-count'));
const feed = new AlertFeed(byId('alert-feed'), byId('alerts-empty'), byId('active-alert-count'), (patient, active) => {
  board.showAlerts(patient, active);
  const count = feed.activeCount;
  document.title = count > 0 ? `(${count}) ${TITLE}` : TITLE;
});

function showState(state) {
  const connection = byId('connection');
  if (connection.dataset.connectionState !== state) {
    connection.dataset.connectionState = state;
    byId('connection-label').textContent = STATE_LABELS[state];
  }
}

function showMissed(reason) {
  const notice = byId('missed-notice');
  if (reason) {
    byId('missed-reason').textContent = `Server: ${reason}`;
  }
  notice.hidden = false;
}

// Only the two live topics count: the same alert may also arrive as an event on another topic, in another order.
function deliver(topic, data) {
  if (!data || typeof data !== 'object') {
    return;
  }
  if (topic === 'alerts') {
    feed.upsert(data);
  } else if (topic === 'health_events') {
    board.addReading(data);
  }
}

function route(message) {
  showTime(byId('last-event'), new Date());
  const payload = message.payload ?? {};
  switch (message.message_type) {
    case 'broadcast':
      deliver(payload.topic, payload.data);
      break;
    case 'realtime_event':
      deliver(payload.topic, payload.event?.data);
      break;
    case 'events_missed':
      showMissed(payload.reason);
      break;
    default:
      break;
  }
}

byId('missed-dismiss').addEventListener('click', () => {
  byId('missed-notice').hidden = true;
});

for (const radio of document.querySelectorAll('input[name="alert-filter"]')) {
  radio.addEventListener('change', () => {
    byId('alert-feed').dataset.filter = radio.value;
  });
}

new LiveStream(STREAM_URL, { onMessage: route, onState: showState }).open();
