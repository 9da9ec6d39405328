/**
 * Work queued per key (a conversation), run one after another per key and
 * concurrently across keys, so replies leave in order without one slow
 * conversation holding up the rest. Email and webhook delivery both use it.
 */
export function createConversationChains(onError: (error: unknown) => void): (key: string, work: () => Promise<void>) => void {
  const chains = new Map<string, Promise<void>>();
  return (key, work) => {
    const next = (chains.get(key) ?? Promise.resolve()).then(work).catch(onError);
    chains.set(key, next);
    void next.then(() => chains.get(key) === next && chains.delete(key));
  };
}
