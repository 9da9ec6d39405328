import type { IncomingMessage } from 'node:http';
import { describeZodError } from '../../../src-shared/result.js';
import { InboundBatch, InboundMessage } from './inboundMessage.js';
import { readSignedJson, storeMessage, takeRate, type InboundDeps } from './inboundRoute.js';
import { failure, type Reply } from './reply.js';

/** One item's answer: the status and body a single-message request would have had, and its place in the batch. */
export type BatchItemResult = { index: number; status: number } & Record<string, unknown>;

/**
 * POST /webhook/<accountId>/messages/batch: up to 100 messages in one signed
 * request (marketplace push APIs deliver in batches). The request is checked as
 * a whole (404, 413, 401, 400 for a bad envelope, 429 spending one token per
 * message); then each message on its own, in order: 202 stored, 409 a replayed
 * eventId, 400 invalid, 500 failed to store (401 if the secret was rotated meanwhile). The answer is 200 with one result
 * per message, each given only once its rows are committed.
 */
export async function answerInboundBatch(req: IncomingMessage, accountId: string, deps: InboundDeps): Promise<Reply> {
  const signed = await readSignedJson(req, accountId, deps, deps.maxBatchBodyBytes);
  if ('status' in signed) return signed;
  const { account, json, secret } = signed;
  const envelope = InboundBatch.safeParse(json);
  if (!envelope.success) return failure(400, 'validation', describeZodError(envelope.error));
  const limited = takeRate(deps, account, envelope.data.messages.length);
  if (limited) return limited;

  const results = await Promise.all(
    envelope.data.messages.map(async (item, index): Promise<BatchItemResult> => {
      const input = InboundMessage.safeParse(item);
      if (!input.success) return { index, ...failure(400, 'validation', `messages.${index}.${describeZodError(input.error)}`).body, status: 400 };
      try {
        const reply = await storeMessage(deps, account, input.data, secret);
        return { index, eventId: input.data.eventId, ...reply.body, status: reply.status };
      } catch (error) {
        deps.ctx.log(`webhook ${account.id}: storing event ${input.data.eventId} failed: ${String(error)}`);
        return { index, eventId: input.data.eventId, ...failure(500, 'internal', 'the hub failed to store this message; send it again').body, status: 500 };
      }
    }),
  );
  const count = (status: number) => results.filter((result) => result.status === status).length;
  return { status: 200, body: { ok: true, accepted: count(202), duplicates: count(409), rejected: results.length - count(202) - count(409), results } };
}
