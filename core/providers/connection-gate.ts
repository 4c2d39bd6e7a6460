/**
 * At most `size` requests in flight to one backend host; the next waits its turn, up to a deadline. undici's
 * pool would queue without a bound, so a burst beyond the limit waited minutes and then timed out as if the
 * host were dead; here the wait ends in a clear "busy" that another provider may answer instead.
 */
export class ConnectionGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {}

  /** Resolves to a release function, or null when no slot freed up in time (or the request was aborted). */
  async acquire(timeoutMs: number, signal: AbortSignal): Promise<(() => void) | null> {
    if (this.active < this.size) return this.take();
    return new Promise((resolve) => {
      const ready = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', give);
        resolve(this.take());
      };
      const give = () => {
        clearTimeout(timer);
        const at = this.waiting.indexOf(ready);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve(null);
      };
      const timer = setTimeout(give, timeoutMs);
      signal.addEventListener('abort', give, { once: true });
      this.waiting.push(ready);
    });
  }

  get inFlight(): number {
    return this.active;
  }

  private take(): () => void {
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}
