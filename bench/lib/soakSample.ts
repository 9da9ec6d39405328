import type { CDPSession, Page } from '@playwright/test';

export interface SoakSample {
  /** ms since traffic started. */
  t: number;
  /** Renderer JS heap after a forced GC (performance.memory.usedJSHeapSize). */
  heapMB: number;
  /** This process (hub + core + web host) after a forced GC. */
  rssMB: number;
  nodeHeapMB: number;
  /** Memory outside the JS heap (ArrayBuffers and other external allocations). */
  externalMB: number;
  /** Events the core pushed to the page so far. */
  events: number;
  /** Messages in the page's IndexedDB. */
  stored: number;
  customerSent: number;
  repliesSent: number;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;

/** Counts the messages store through a second IndexedDB connection (the app's stays open). */
export const countStored = () =>
  new Promise<number>((resolve) => {
    const open = indexedDB.open('workstation');
    open.onerror = () => resolve(-1);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('messages')) return resolve(0), db.close();
      const count = db.transaction('messages').objectStore('messages').count();
      count.onsuccess = () => (resolve(count.result), db.close());
      count.onerror = () => (resolve(-1), db.close());
    };
  });

export async function takeSample(
  page: Page,
  cdp: CDPSession,
  gc: () => void,
  counters: Pick<SoakSample, 't' | 'events' | 'customerSent' | 'repliesSent'>,
): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  const stored = await page.evaluate(countStored);
  gc();
  const mem = process.memoryUsage();
  return { ...counters, heapMB: mb(heap), rssMB: mb(mem.rss), nodeHeapMB: mb(mem.heapUsed), externalMB: mb(mem.external), stored };
}
