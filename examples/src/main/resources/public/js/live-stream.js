// One Server-Sent Events connection that stays up: EventSource reconnects by itself after a dropped connection
// (sending Last-Event-ID, so the server replays what was missed); if the browser gives up instead (an error answer,
// say), the stream is reopened after a growing pause with ?last_event_id= so the resume is the same.

const FIRST_REOPEN_DELAY_MS = 1000;
const MAX_REOPEN_DELAY_MS = 30000;

export class LiveStream {
  #url;
  #onMessage;
  #onState;
  #source = null;
  #lastEventId = '';
  #reopenDelay = FIRST_REOPEN_DELAY_MS;

  /**
   * @param {string} url the stream, e.g. "/stream/events"
   * @param {{onMessage: function(object): void, onState: function(string): void}} handlers told each decoded
   *     message, and the connection state: "connecting", "live" or "reconnecting"
   */
  constructor(url, handlers) {
    this.#url = url;
    this.#onMessage = handlers.onMessage;
    this.#onState = handlers.onState;
  }

  /** Opens the stream. */
  open() {
    const url = new URL(this.#url, document.baseURI);
    if (this.#lastEventId) {
      url.searchParams.set('last_event_id', this.#lastEventId);
    }
    const source = new EventSource(url);
    this.#source = source;
    source.onopen = () => {
      this.#reopenDelay = FIRST_REOPEN_DELAY_MS;
      this.#onState('live');
    };
    source.onmessage = event => this.#receive(event);
    source.onerror = () => {
      this.#onState('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        this.#reopenLater();
      }
    };
  }

  #receive(event) {
    if (event.lastEventId) {
      this.#lastEventId = event.lastEventId;
    }
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      console.warn('Ignored a stream message that is not JSON:', event.data);
      return;
    }
    if (message && typeof message === 'object') {
      this.#onMessage(message);
    }
  }

  #reopenLater() {
    const delay = this.#reopenDelay;
    this.#reopenDelay = Math.min(this.#reopenDelay * 2, MAX_REOPEN_DELAY_MS);
    setTimeout(() => {
      if (this.#source?.readyState === EventSource.CLOSED) {
        this.open();
      }
    }, delay);
  }
}
