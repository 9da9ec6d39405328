import { z } from 'zod';
import { ErrorInfo } from '../result.js';

/**
 * Frames of the web host's bridge WebSocket. The host validates every frame the
 * page sends; the page validates pushes against the contract before using them.
 */
export const BRIDGE_WS_PATH = '/bridge';

export const ClientFrame = z.object({
  id: z.number().int().nonnegative(),
  call: z.string().max(100),
  input: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.union([
  z.object({
    kind: z.literal('result'),
    id: z.number().int().nonnegative(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: ErrorInfo }),
    ]),
  }),
  z.object({ kind: z.literal('push'), push: z.string().max(100), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
