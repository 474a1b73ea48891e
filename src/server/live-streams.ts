/** The live streams open in this process, so that a shutdown can end them (clients reconnect elsewhere). */
export class LiveStreams {
  readonly #open = new Set<AbortController>();

  open(): AbortController {
    const controller = new AbortController();
    this.#open.add(controller);
    return controller;
  }

  closed(controller: AbortController): void {
    this.#open.delete(controller);
  }

  closeAll(): void {
    for (const controller of this.#open) controller.abort();
  }
}
