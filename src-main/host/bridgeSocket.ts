import type { RawData, WebSocket } from 'ws';
import { ClientFrame, type ServerFrame } from '../../src-shared/bridge/wire.js';
import { describeZodError, err, type Result } from '../../src-shared/result.js';
import type { BridgeHandlers } from '../core/index.js';
import type { Logger } from '../core/index.js';

/** Frames the host cannot read have no usable id; they are answered with id 0 (clients start at 1). */
export const UNREADABLE_FRAME_ID = 0;

export function send(socket: WebSocket, frame: ServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function parseFrame(data: RawData, isBinary: boolean): { id: number; call?: string; input?: unknown; error?: Result<never> } {
  if (isBinary) return { id: UNREADABLE_FRAME_ID, error: err('validation', 'binary frames are not accepted') };
  let json: unknown;
  try {
    json = JSON.parse(data.toString());
  } catch {
    return { id: UNREADABLE_FRAME_ID, error: err('validation', 'frame is not JSON') };
  }
  const frame = ClientFrame.safeParse(json);
  if (frame.success) return frame.data;
  const id = (json as { id?: unknown } | null)?.id;
  const usableId = typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : UNREADABLE_FRAME_ID;
  return { id: usableId, error: err('validation', `frame ${describeZodError(frame.error)}`) };
}

/** One page's bridge socket: each call frame → handlers → one result frame with the same id. */
export function serveBridgeSocket(socket: WebSocket, handlers: BridgeHandlers, log: Logger): void {
  socket.on('message', (data, isBinary) => {
    const frame = parseFrame(data, isBinary);
    if (frame.error) {
      log.warn('bridge frame rejected', { reason: frame.error.ok ? '' : frame.error.error.message });
      return send(socket, { kind: 'result', id: frame.id, result: frame.error });
    }
    void handlers.invoke(frame.call, frame.input).then((result) => send(socket, { kind: 'result', id: frame.id, result }));
  });
  socket.on('error', (error) => log.warn('bridge socket error', { error: error.message }));
}
