/** One server-sent event: the `event:` name (if any) and its `data:` text. */
export interface SseEvent {
  event: string | undefined;
  data: string;
}

/**
 * Incremental SSE parser: feed it text as it arrives, it returns the events
 * completed so far. Handles frames split across network chunks and CRLF.
 */
export class SseParser {
  #buffer = '';
  #event: string | undefined;
  #data: string[] = [];

  push(text: string): SseEvent[] {
    this.#buffer += text;
    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const nl = this.#buffer.indexOf('\n', start);
      if (nl < 0) break;
      let line = this.#buffer.slice(start, nl);
      start = nl + 1;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line === '') {
        if (this.#data.length > 0 || this.#event !== undefined) events.push({ event: this.#event, data: this.#data.join('\n') });
        this.#event = undefined;
        this.#data = [];
      } else if (line.startsWith('data:')) {
        this.#data.push(line.slice(line.charAt(5) === ' ' ? 6 : 5));
      } else if (line.startsWith('event:')) {
        this.#event = line.slice(line.charAt(6) === ' ' ? 7 : 6);
      }
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  /** Whatever complete event is left when the stream ends without a blank line. */
  end(): SseEvent[] {
    const events = this.push('\n\n');
    this.#buffer = '';
    return events;
  }
}

export function sseData(data: unknown, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}
