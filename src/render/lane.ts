/**
 * A lane: a bounded share of the pool for one kind of caller, with its own small queue. The
 * translators' previews are anonymous, so they go through one: however many arrive, they hold at
 * most the lane's slots of the pool and its queue, and issuing keeps the rest.
 */
import { RenderQueueFullError, type BrowserPool } from './browser-pool.js';

/** LaneConfig: how many of the lane's tasks run on the pool at once, and how many may wait for that. */
export interface LaneConfig {
  readonly concurrency: number;
  readonly queueLimit: number;
}

/** PREVIEW_LANE: one preview printing at a time, two waiting; the rest are told to retry. */
export const PREVIEW_LANE: LaneConfig = { concurrency: 1, queueLimit: 2 };

/** createLane runs tasks on the pool, at most `concurrency` at once; beyond the queue, RENDER_QUEUE_FULL. */
export function createLane(pool: Pick<BrowserPool, 'run'>, config: LaneConfig): Pick<BrowserPool, 'run'> {
  const waiting: Array<() => void> = [];
  let running = 0;

  async function enter(): Promise<void> {
    if (running < config.concurrency) {
      running++;
      return;
    }
    if (waiting.length >= config.queueLimit) throw new RenderQueueFullError({ limit: config.queueLimit });
    // The slot is handed over by leave, so `running` stays as it is.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function leave(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return {
    async run(task) {
      await enter();
      try {
        return await pool.run(task);
      } finally {
        leave();
      }
    },
  };
}
