import { once } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeliveryRecorder } from '../../change-broker/consumer-lag.js';
import { followUpdates } from '../../change-broker/live-updates.js';
import { ownSignup } from '../../change-broker/signups.js';
import { requireActive } from '../../change-broker/updates.js';
import { SdsError } from '../../sds/errors.js';
import type { AppContext } from '../app-context.js';
import { avevaErrorBody } from '../error-handler.js';
import { bookmarkService } from './bookmark-service.js';
import { callerOf, changeBrokerContext, signupIdOf } from './change-broker.js';

/** The live streams open in this process, so that a shutdown can end them (clients reconnect elsewhere). */
export class LiveStreams {
  readonly #open = new Set<AbortController>();

  open(): AbortController {
    const controller = new AbortController();
    this.#open.add(controller);
    return controller;
  }

  closed(controller: AbortController): void {
    this.#open.delete(controller);
  }

  closeAll(): void {
    for (const controller of this.#open) controller.abort();
  }
}

const missingBookmark = (): SdsError =>
  new SdsError('invalid', 'A bookmark is required: pass ?bookmark= or the Last-Event-ID header.', {
    reason: 'Bookmark is not valid',
    resolution: 'Start from the bookmark of Get Signup By Id, or resume with the id of the last event received.',
    parameters: { bookmark: 'missing' },
  });

/** One Server-Sent Event; `data` is a single line of JSON. */
const event = (fields: { event?: string; id?: string; data?: string; comment?: string }): string =>
  `${fields.comment !== undefined ? `: ${fields.comment}\n` : ''}${fields.event ? `event: ${fields.event}\n` : ''}${fields.id ? `id: ${fields.id}\n` : ''}${
    fields.data !== undefined ? `data: ${fields.data}\n` : ''
  }\n`;

/** GET …/updates/stream: everything is checked before the stream starts, so refusals are ordinary answers. */
export function liveUpdatesHandlers(app: AppContext, live: LiveStreams) {
  const ctx = changeBrokerContext(app);
  return {
    async streamUpdates(request: FastifyRequest, reply: FastifyReply) {
      const lastEventId = request.headers['last-event-id'];
      const { bookmark } = request.query as { bookmark?: string };
      const token = (typeof lastEventId === 'string' && lastEventId.trim() !== '' ? lastEventId.trim() : undefined) ?? bookmark;
      const row = await ownSignup(ctx, await callerOf(ctx, request), signupIdOf(request), { touch: true });
      requireActive(row);
      if (!token) throw missingBookmark();
      const bookmarks = await bookmarkService(app);
      const start = bookmarks.read(token, row.id);

      const controller = live.open();
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
        live.closed(controller);
        if (!res.writableEnded) res.end();
        await deliveries.flush();
      }
    },
  };
}
