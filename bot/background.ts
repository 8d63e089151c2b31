import type { Logger } from 'pino';

/**
 * Work that must not hold up a reply (updating other people's cards, telling the learner): started
 * after the answer, tracked so a graceful shutdown can wait for it, never silently dropped.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(name: string, work: () => Promise<void>): void {
    const promise = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await work();
    })()
      .catch((error: unknown) => this.logger.error({ event: 'background.failed', work: name, err: { message: (error as Error)?.message } }, 'background work failed'))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Resolves when everything started so far has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  get pending(): number {
    return this.running.size;
  }
}
