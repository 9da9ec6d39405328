import { z } from 'zod';
import type { RewriteRequest, RewriteResult } from '../../../src-shared/bridge/aiRewrite.js';
import { err, ok, type Result } from '../../../src-shared/result.js';

/** Only what we read of an OpenAI-compatible `chat/completions` answer; the rest may vary. */
const ChatCompletion = z.object({
  model: z.string().max(200).optional(),
  choices: z
    .array(z.object({ message: z.object({ content: z.string().trim().min(1, 'empty answer').max(4000) }) }))
    .min(1, 'no choices'),
});

export interface Endpoint {
  baseUrl: string;
  model: string;
  apiKey: string | null;
}

export interface ChatOptions {
  fetch?: typeof fetch;
  /** A rewrite is a nicety beside the local answer: give up rather than keep the agent waiting. */
  timeoutMs?: number;
}

const LANGUAGE_NAMES = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' } as const;

/** The prompt: rewrite, do not invent (the KB answer stays the source of truth). */
const messagesFor = ({ text, question, language }: RewriteRequest) => [
  {
    role: 'system',
    content:
      `You polish a customer-service agent's reply. Rewrite the ANSWER so it reads naturally and politely ` +
      `for the customer's QUESTION, in ${LANGUAGE_NAMES[language]}. Keep every fact, number and condition; ` +
      `add no new promises. Reply with the rewritten text only.`,
  },
  { role: 'user', content: `QUESTION:\n${question}\n\nANSWER:\n${text}` },
];

const endpointUrl = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/chat/completions`;

/** One call to `${baseUrl}/chat/completions`; every failure comes back as a Result the UI can word. */
export async function rewriteByChat(endpoint: Endpoint, request: RewriteRequest, options: ChatOptions = {}): Promise<Result<RewriteResult>> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(endpointUrl(endpoint.baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: endpoint.model, messages: messagesFor(request), temperature: 0.3, stream: false }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return err('timeout', 'the rewrite provider did not answer in time');
    return err('offline', `cannot reach the rewrite provider: ${(error as Error)?.message ?? String(error)}`.slice(0, 500));
  }
  if (response.status === 401 || response.status === 403) return err('unauthorized', `the rewrite provider refused the API key (HTTP ${response.status})`);
  if (!response.ok) return err('internal', `the rewrite provider answered HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return err('internal', 'the rewrite provider did not answer with JSON');
  }
  const parsed = ChatCompletion.safeParse(body);
  if (!parsed.success) return err('internal', `unexpected answer from the rewrite provider: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return ok({ text: parsed.data.choices[0]!.message.content, model: parsed.data.model ?? endpoint.model });
}
