import { Worker } from 'node:worker_threads';
import { AppError, ErrorCode } from '@tandem/shared/errors';

/** How long one task may run, and with how much heap, before its thread is stopped. */
export interface WorkerLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

/** A task stopped at its time or memory limit, or one that threw. */
export class WorkerTaskError extends Error {
  override readonly name = 'WorkerTaskError';
}

/** tsx's API: its tsImport loads a TypeScript module (and what it imports) in a worker. */
const TSX_API = import.meta.resolve('tsx/esm/api');

/**
 * A worker thread's script: loads `module` once, then runs the tasks it is sent, one at a time,
 * answering each with its result or its error.
 */
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then(({ tsImport }) => tsImport(workerData.module, workerData.module))
  .then((loaded) => {
    parentPort.on('message', async ({ id, name, input }) => {
      try {
        parentPort.postMessage({ id, result: await loaded[name](input) });
      } catch (error) {
        parentPort.postMessage({ id, error: String((error && error.message) || error) });
      }
    });
    parentPort.postMessage({ ready: true });
  });
`;

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  isBusy: boolean;
  /** The task it runs, told its answer or that the thread stopped. */
  onAnswer: ((answer: Answer | null) => void) | null;
}

interface Answer {
  id?: number;
  ready?: boolean;
  result?: unknown;
  error?: string;
}

/**
 * A few long-lived worker threads for one module's heavy functions (PDF checks, rendering),
 * so that work runs off the event loop. A task that passes its time or memory limit loses its
 * thread (a new one is started); tasks beyond the threads wait, and past `maxWaiting` are
 * refused with 429. Threads are started on first use (or by `warm`) and never keep the process
 * alive.
 */
export class WorkerPool {
  private readonly threads: Thread[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly module: URL,
    private readonly options: {
      size: number;
      maxWaiting: number;
      limits: WorkerLimits;
      /** Threads with nothing to do for this long are stopped, giving their memory back. */
      idleMs: number;
    },
  ) {}

  /** Starts the threads now, so the first task does not wait for them to load. */
  async warm(): Promise<void> {
    while (this.threads.length < this.options.size) this.threads.push(this.start());
    const loading = this.threads.map((t) => t.worker);
    for (const worker of loading) worker.ref();
    await Promise.allSettled(this.threads.map((t) => t.ready));
    for (const worker of loading) worker.unref();
    this.stopWhenIdle();
  }

  async run<T>(name: string, input: unknown): Promise<T> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const thread = await this.idleThread();
    thread.isBusy = true;
    // While a task runs, the thread keeps the process alive; idle, it does not.
    thread.worker.ref();
    try {
      await thread.ready;
      return await this.send<T>(thread, name, input);
    } finally {
      thread.worker.unref();
      thread.isBusy = false;
      this.waiting.shift()?.();
      this.stopWhenIdle();
    }
  }

  private stopWhenIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      for (const thread of this.threads.filter((t) => !t.isBusy)) this.discard(thread);
    }, this.options.idleMs);
    this.idleTimer.unref();
  }

  private async idleThread(): Promise<Thread> {
    for (;;) {
      const idle = this.threads.find((t) => !t.isBusy);
      if (idle) return idle;
      if (this.threads.length < this.options.size) {
        const thread = this.start();
        this.threads.push(thread);
        return thread;
      }
      if (this.waiting.length >= this.options.maxWaiting) {
        throw new AppError(ErrorCode.RATE_LIMITED, 'The server is busy: try again in a moment.', {
          retryAfterSeconds: 2,
        });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private send<T>(thread: Thread, name: string, input: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        thread.onAnswer = null;
        this.discard(thread);
        reject(new WorkerTaskError(`${name}: longer than ${this.options.limits.timeoutMs} ms`));
      }, this.options.limits.timeoutMs);
      thread.onAnswer = (answer) => {
        if (answer !== null && answer.id !== id) return;
        clearTimeout(timer);
        thread.onAnswer = null;
        if (answer === null) reject(new WorkerTaskError(`${name}: the thread stopped (memory?)`));
        else if (answer.error !== undefined)
          reject(new WorkerTaskError(`${name}: ${answer.error}`));
        else resolve(answer.result as T);
      };
      thread.worker.postMessage({ id, name, input });
    });
  }

  private start(): Thread {
    const { maxMemoryMb } = this.options.limits;
    const worker = new Worker(SCRIPT, {
      eval: true,
      workerData: { module: this.module.href, tsx: TSX_API },
      resourceLimits: {
        maxOldGenerationSizeMb: maxMemoryMb,
        maxYoungGenerationSizeMb: Math.min(32, maxMemoryMb),
      },
    });
    let isReady: () => void = () => undefined;
    let failed: (error: Error) => void = () => undefined;
    const thread: Thread = {
      worker,
      isBusy: false,
      onAnswer: null,
      ready: new Promise<void>((resolve, reject) => {
        isReady = resolve;
        failed = reject;
      }),
    };
    // Listeners are added once, before unref: adding one later would keep the process alive.
    worker.on('message', (answer: Answer) => {
      if (answer.ready) isReady();
      else thread.onAnswer?.(answer);
    });
    worker.on('error', (error) => failed(new WorkerTaskError(error.message)));
    // A thread that stopped (memory limit, crash) is replaced on the next task.
    worker.on('exit', () => {
      failed(new WorkerTaskError('the thread stopped'));
      thread.onAnswer?.(null);
      this.discard(thread);
    });
    worker.unref();
    thread.ready.catch(() => this.discard(thread));
    return thread;
  }

  private discard(thread: Thread): void {
    const at = this.threads.indexOf(thread);
    if (at !== -1) this.threads.splice(at, 1);
    void thread.worker.terminate();
  }
}
