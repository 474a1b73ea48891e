import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRights, type Trustee, trusteeOf } from '../../sds/access.js';
import { readWindow, removeValues, removeWindow, writeValues } from '../../sds/data.js';
import { SdsError } from '../../sds/errors.js';
import { requireNamespace } from '../../sds/namespaces.js';
import {
  type AccessControlListInput,
  createOrUpdateStream,
  deleteStream,
  getOrCreateStream,
  getStreamAccessControl,
  getStreamOwner,
  listStreams,
  type StreamScope,
  setStreamAccessControl,
  streamWithRight,
  toStream,
} from '../../sds/streams.js';
import { deleteType, getOrCreateType, getType, getTypeAccessControl, getTypeOwner, listTypes, setTypeAccessControl } from '../../sds/types.js';
import type { AppContext } from '../app-context.js';

type Req = FastifyRequest;
type Body = Record<string, unknown>;

interface Page {
  skip: number;
  count: number;
}

/** Handlers of the SDS subset (types, streams, access control, data), bound by operationId; src/sds decides. */
export function sdsHandlers(app: AppContext) {
  const db = app.store.db;

  /** The caller (authorizeTenant ran: it acts in the path's tenant) and the namespace, which must exist. */
  async function scopeOf(request: Req): Promise<{ scope: StreamScope; who: Trustee }> {
    const principal = request.principal;
    if (!principal?.tenantId) throw new Error('tenant route without a tenant principal');
    const { namespaceId } = request.params as { namespaceId: string };
    const tenantId = principal.tenantId;
    return { scope: { tenantId, namespaceId: await requireNamespace(db, tenantId, namespaceId) }, who: trusteeOf(principal) };
  }
  const param = (request: Req, name: 'typeId' | 'streamId'): string => (request.params as Record<string, string>)[name] ?? '';
  /** Get-or-create of an existing identical object: 302 to it, with the object too for clients that do not follow. */
  const found = (request: Req, reply: FastifyReply, body: object) =>
    reply.code(302).header('location', `${app.baseUrl(request)}${request.url.split('?')[0]}`).send(body);

  return {
    async getTypes(request: Req) {
      const { scope, who } = await scopeOf(request);
      return listTypes(db, scope.tenantId, scope.namespaceId, who, request.query as Page);
    },

    async getOrCreateType(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      const { type, created } = await getOrCreateType(db, app.clock, scope.tenantId, scope.namespaceId, param(request, 'typeId'), request.body as Body, who);
      return created ? reply.code(201).send(type) : found(request, reply, type);
    },

    async getType(request: Req) {
      const { scope, who } = await scopeOf(request);
      return getType(db, scope.tenantId, scope.namespaceId, param(request, 'typeId'), who);
    },

    async getTypeAccessControl(request: Req) {
      const { scope, who } = await scopeOf(request);
      return getTypeAccessControl(db, scope.tenantId, scope.namespaceId, param(request, 'typeId'), who);
    },

    async updateTypeAccessControl(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      await setTypeAccessControl(db, scope.tenantId, scope.namespaceId, param(request, 'typeId'), request.body as AccessControlListInput, who);
      return reply.code(204).send();
    },

    async getTypeOwner(request: Req) {
      const { scope, who } = await scopeOf(request);
      return getTypeOwner(db, scope.tenantId, scope.namespaceId, param(request, 'typeId'), who);
    },

    async deleteType(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      await deleteType(db, scope.tenantId, scope.namespaceId, param(request, 'typeId'), who);
      return reply.code(204).send();
    },

    async getStreams(request: Req) {
      const { scope, who } = await scopeOf(request);
      return listStreams(db, scope, who, request.query as Page);
    },

    async getOrCreateStream(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      const { stream, created } = await getOrCreateStream(db, app.clock, scope, param(request, 'streamId'), request.body as Body, who);
      return created ? reply.code(201).send(stream) : found(request, reply, stream);
    },

    async createOrUpdateStream(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      const { stream, created } = await createOrUpdateStream(db, app.clock, scope, param(request, 'streamId'), request.body as Body, who);
      return created ? reply.code(201).send(stream) : reply.code(204).send();
    },

    async getStream(request: Req) {
      const { scope, who } = await scopeOf(request);
      return toStream(await streamWithRight(db, scope, param(request, 'streamId'), who, AccessRights.Read));
    },

    async deleteStream(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      await deleteStream(db, scope, param(request, 'streamId'), who);
      return reply.code(204).send();
    },

    async getStreamAccessControl(request: Req) {
      const { scope, who } = await scopeOf(request);
      return getStreamAccessControl(db, scope, param(request, 'streamId'), who);
    },

    async updateStreamAccessControl(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      await setStreamAccessControl(db, scope, param(request, 'streamId'), request.body as AccessControlListInput, who);
      return reply.code(204).send();
    },

    async getStreamOwner(request: Req) {
      const { scope, who } = await scopeOf(request);
      return getStreamOwner(db, scope, param(request, 'streamId'), who);
    },

    async getWindowValues(request: Req) {
      const { scope, who } = await scopeOf(request);
      const q = request.query as { startIndex?: string; endIndex?: string; count?: number };
      return readWindow(db, scope, param(request, 'streamId'), who, {
        ...(q.startIndex !== undefined ? { start: q.startIndex } : {}),
        ...(q.endIndex !== undefined ? { end: q.endIndex } : {}),
        ...(q.count !== undefined ? { count: q.count } : {}),
      });
    },

    async insertValues(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      await writeValues(db, app.clock, scope, param(request, 'streamId'), who, 'Insert', request.body as Body[]);
      return reply.code(204).send();
    },

    async updateValues(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      const { allowCreate } = request.query as { allowCreate: boolean };
      await writeValues(db, app.clock, scope, param(request, 'streamId'), who, allowCreate ? 'Update' : 'Replace', request.body as Body[]);
      return reply.code(204).send();
    },

    async removeValues(request: Req, reply: FastifyReply) {
      const { scope, who } = await scopeOf(request);
      const q = request.query as { index?: string[]; startIndex?: string; endIndex?: string };
      const streamId = param(request, 'streamId');
      const window = q.startIndex !== undefined || q.endIndex !== undefined;
      if (q.index !== undefined && q.index.length > 0 && !window) {
        await removeValues(db, app.clock, scope, streamId, who, q.index);
      } else if (q.index === undefined && q.startIndex !== undefined && q.endIndex !== undefined) {
        await removeWindow(db, app.clock, scope, streamId, who, q.startIndex, q.endIndex);
      } else {
        throw new SdsError('invalid', 'Name the events to remove with index (one or more), or a window with both startIndex and endIndex.', {
          reason: 'Invalid removal',
          resolution: 'Send ?index=... (repeatable) or ?startIndex=...&endIndex=..., not both.',
        });
      }
      return reply.code(204).send();
    },
  };
}
