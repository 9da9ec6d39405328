/// <reference lib="webworker" />
import { createEngineHost } from './engineHost.js';
import type { WorkerRequest } from './protocol.js';

// Retrieval and sentiment run here, off the main thread, so typing never waits on them.
const host = createEngineHost();
self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const reply = host(e.data);
  if (reply) self.postMessage(reply);
};
