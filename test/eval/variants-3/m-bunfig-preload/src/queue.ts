export class Queue<T> {
  private items: { id: number; payload: T; attempts: number }[] = [];
  private seq = 0;

  push(payload: T): number {
    const id = ++this.seq;
    this.items.push({ id, payload, attempts: 0 });
    return id;
  }

  // TODO(candidate): visibility timeout — a taken job reappears after 30 s unless acked
  take() {
    return this.items.shift();
  }
}
