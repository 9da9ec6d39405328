/**
 * Hands the main thread back (input, rendering, IndexedDB callbacks) and resumes in a
 * later task. `scheduler.yield()` where Chromium has it (the continuation keeps its
 * place ahead of other queued work); elsewhere a MessageChannel task, which unlike
 * setTimeout(0) is not clamped to 4 ms once nested.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs `each` over `items`, yielding to the main thread whenever a slice has run
 * `sliceMs`: long pure work (terms of hundreds of messages) never becomes one long task.
 */
export async function inSlices<T>(items: readonly T[], each: (item: T) => void, sliceMs = 8): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
}
