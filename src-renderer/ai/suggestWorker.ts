/// <reference lib="webworker" />
import { warmUp } from '../../src-shared/ai/index.js';
import { createEngineHost } from './engineHost.js';
import type { WorkerRequest } from './protocol.js';

// Retrieval and sentiment run here, off the main thread, so typing never waits on them.
const host = createEngineHost();
// Converters, segmenter and regexes are built now rather than on the first customer message.
warmUp();
self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const reply = host(e.data);
  if (reply) self.postMessage(reply);
};
