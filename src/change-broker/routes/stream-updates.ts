import { once } from 'node:events';
import type { operations } from '../../openapi-types/change-broker-push-v1.js';
import { avevaErrorBody } from '../../server/error-handler.js';
import { operationOf } from '../../server/route-module.js';
import { DeliveryRecorder } from '../consumer-lag.js';
import { followUpdates } from '../live-updates.js';
import { liveUpdatesStart } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** One Server-Sent Event; `data` is a single line of JSON. */
const event = (fields: { event?: string; id?: string; data?: string; comment?: string }): string =>
  `${fields.comment !== undefined ? `: ${fields.comment}\n` : ''}${fields.event ? `event: ${fields.event}\n` : ''}${fields.id ? `id: ${fields.id}\n` : ''}${
    fields.data !== undefined ? `data: ${fields.data}\n` : ''
  }\n`;

/** GET …/signups/{signupId}/updates/stream: the signup's updates as Server-Sent Events, from a bookmark or Last-Event-ID. */
export const streamUpdates = operationOf<operations>()('streamUpdates', [], async (request, reply, app) => {
  const lastEventId = request.headers['last-event-id'];
  const token = (typeof lastEventId === 'string' && lastEventId.trim() !== '' ? lastEventId.trim() : undefined) ?? request.query.bookmark;
  const ctx = changeBrokerContext(app);
  const { signup: row, bookmarks, start } = await liveUpdatesStart(ctx, callerRef(request), request.params.signupId, token);

  const controller = app.liveStreams.open();
  reply.hijack();
  const res = reply.raw;
  const headers: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'operation-id': request.id,
  });
  res.on('close', () => controller.abort());
  const write = async (chunk: string): Promise<void> => {
    if (controller.signal.aborted || res.writableEnded) return;
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(controller.signal, 'abort')]);
  };
  // Pushed changes count as read for the signup's consumer lag; recording that must not delay the next push.
  const deliveries = new DeliveryRecorder(app.store.db, row.id, (error) => request.log.error({ err: error }, 'recording a live delivery failed'));
  try {
    // A browser's EventSource waits a second before reconnecting; say so, and open the stream at once.
    await write(`retry: 1000\n${event({ comment: 'connected' })}`);
    const events = followUpdates(ctx, app.store.signals, bookmarks, row, start, { heartbeatMs: app.config.changeBroker.liveHeartbeatMs, signal: controller.signal });
    for await (const next of events) {
      if (next.kind === 'updates') {
        await write(next.updates.map((update, i) => event({ event: 'update', id: bookmarks.issue(row.id, next.positions[i] ?? start), data: JSON.stringify(update) })).join(''));
        const delivered = next.positions.at(-1);
        if (delivered && !controller.signal.aborted) deliveries.record(delivered.seq);
      } else if (next.kind === 'heartbeat') {
        await write(event({ comment: 'heartbeat', id: bookmarks.issue(row.id, next.position) }));
      } else {
        await write(event({ event: 'error', data: JSON.stringify(avevaErrorBody(next.error, request)) }));
        break;
      }
    }
  } catch (error) {
    request.log.error({ err: error }, 'live updates stream failed');
    await write(event({ event: 'error', data: JSON.stringify(avevaErrorBody(error, request)) })).catch(() => undefined);
  } finally {
    app.liveStreams.closed(controller);
    if (!res.writableEnded) res.end();
    await deliveries.flush();
  }
});
