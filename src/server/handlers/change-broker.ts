import type { FastifyReply, FastifyRequest } from 'fastify';
import { signupLag } from '../../change-broker/consumer-lag.js';
import type { ChangeBrokerContext } from '../../change-broker/context.js';
import { toSignup, toTrustee } from '../../change-broker/representation.js';
import { listResources, type ResourceFilter, updateResources } from '../../change-broker/resources.js';
import { type Caller, callerIn, createSignup, deleteSignup, listSignups, ownSignup, renameSignup } from '../../change-broker/signups.js';
import { type Poller, pollUpdates, readUpdates, requireActive, startingPosition } from '../../change-broker/updates.js';
import { kickBackgroundWork } from '../../change-broker/worker.js';
import { trusteeOf } from '../../sds/access.js';
import type { AppContext } from '../app-context.js';
import { Errors } from '../api-error.js';
import { bookmarkService } from './bookmark-service.js';
import type { Bookmarks } from '../../change-broker/bookmarks.js';

type Req = FastifyRequest;

interface Path {
  tenantId: string;
  namespaceId: string;
  signupId: string;
}

interface CreateBody {
  Name?: string | null;
  ResourceType: 'Stream';
  ResourceIds: string[];
  InactivityPeriodSeconds?: number;
}

interface ResourcesBody {
  ResourcesToAdd?: string[] | null;
  ResourcesToRemove?: string[] | null;
}

function presentedPosition(service: Bookmarks, bookmark: string, signupId: string): number | undefined {
  try {
    return service.read(bookmark, signupId.toLowerCase()).seq;
  } catch {
    return undefined;
  }
}

export const changeBrokerContext = (app: AppContext): ChangeBrokerContext => ({
  db: app.store.db,
  dialect: app.store.dialect,
  clock: app.clock,
  config: app.config.changeBroker,
});

/** Who calls which namespace, and with which Community-Id, from a Change Broker route's request. */
export function callerOf(ctx: ChangeBrokerContext, request: Req): Promise<Caller> {
  const { tenantId, namespaceId } = request.params as Path;
  // authorizeTenant() ran before any of these handlers, so a principal is present.
  if (!request.principal) throw Errors.forbidden('No principal');
  const community = request.headers['community-id'];
  return callerIn(ctx, tenantId, namespaceId, trusteeOf(request.principal), typeof community === 'string' ? community : null);
}

/** The poller of a route without the `Community-Id` header, known without the database; undefined with it. */
function pollerOf(request: Req): Poller | undefined {
  const { tenantId, namespaceId } = request.params as Path;
  const community = request.headers['community-id'];
  if (!request.principal || (typeof community === 'string' && community.trim() !== '')) return undefined;
  return { tenantId, namespaceId, trustee: trusteeOf(request.principal) };
}

export const signupIdOf = (request: Req): string => (request.params as Path).signupId;

/** Thin translations between HTTP and the Change Broker domain; every decision is made in src/change-broker. */
export function changeBrokerHandlers(app: AppContext) {
  const ctx = changeBrokerContext(app);
  const caller = (request: Req): Promise<Caller> => callerOf(ctx, request);
  const signupId = signupIdOf;

  return {
    async getAllSignups(request: Req, reply: FastifyReply) {
      const { skip, count } = request.query as { skip: number; count: number };
      const page = await listSignups(ctx, await caller(request), { skip, count });
      return reply.header('total-count', String(page.total)).send({ signups: page.items.map(toSignup) });
    },

    async createSignup(request: Req, reply: FastifyReply) {
      const body = request.body as CreateBody;
      const row = await createSignup(ctx, await caller(request), {
        name: body.Name ?? null,
        resourceIds: body.ResourceIds,
        ...(body.InactivityPeriodSeconds !== undefined ? { inactivitySeconds: body.InactivityPeriodSeconds } : {}),
      });
      kickBackgroundWork(ctx.db);
      return reply.code(202).send(toSignup(row));
    },

    async getSignupById(request: Req) {
      const row = await ownSignup(ctx, await caller(request), signupId(request), { touch: true });
      const position = await startingPosition(ctx, row);
      const bookmark = position ? (await bookmarkService(app)).issue(row.id, position) : '';
      return { ...toSignup(row), bookmark, consumerLag: await signupLag(ctx.db, ctx.clock.now(), row.id) };
    },

    async updateSignup(request: Req) {
      const { Name } = request.body as { Name: string };
      return toSignup(await renameSignup(ctx, await caller(request), signupId(request), Name));
    },

    async deleteSignup(request: Req, reply: FastifyReply) {
      await deleteSignup(ctx, await caller(request), signupId(request));
      return reply.code(204).send();
    },

    async getSignupOwner(request: Req) {
      return toTrustee(await ownSignup(ctx, await caller(request), signupId(request), { touch: false }));
    },

    async getSignupResources(request: Req, reply: FastifyReply) {
      const { skip, count, resourceFilter } = request.query as { skip: number; count: number; resourceFilter?: ResourceFilter };
      const row = await ownSignup(ctx, await caller(request), signupId(request), { touch: true });
      const page = await listResources(ctx, row, { skip, count, filter: resourceFilter ?? 'All' });
      return reply.header('total-count', String(page.total)).send({ resources: page.items });
    },

    async updateSignupResources(request: Req, reply: FastifyReply) {
      const body = request.body as ResourcesBody;
      const row = await ownSignup(ctx, await caller(request), signupId(request), { touch: false });
      const outcome = await updateResources(ctx, row, { add: body.ResourcesToAdd ?? [], remove: body.ResourcesToRemove ?? [] });
      if (outcome.added > 0) kickBackgroundWork(ctx.db);
      if (outcome.invalidToRemove.length > 0 || outcome.failed.length > 0) {
        return reply.code(207).send({ invalidResourcesToRemove: outcome.invalidToRemove, failedResourceIds: outcome.failed });
      }
      return reply.code(202).send();
    },

    async getUpdates(request: Req) {
      const { bookmark } = request.query as { bookmark: string };
      const service = await bookmarkService(app);
      // The bookmark a consumer comes back with acknowledges what came before it: its consumer lag is measured from
      // there. It is checked again below, after the checks that take precedence over a bad bookmark.
      const acknowledged = presentedPosition(service, bookmark, signupId(request));
      // The common poll in two statements; anything it does not cover (and every error) takes the general path.
      const poller = pollerOf(request);
      const quick = poller && (await pollUpdates(ctx, poller, signupId(request), { readSeq: acknowledged, position: (id) => service.read(bookmark, id) }));
      if (quick) return { data: quick.data, bookmark: service.issue(quick.signupId, quick.next) };
      const row = await ownSignup(ctx, await caller(request), signupId(request), { touch: true, ...(acknowledged === undefined ? {} : { readSeq: acknowledged }) });
      requireActive(row);
      const page = await readUpdates(ctx, row, service.read(bookmark, row.id));
      return { data: page.data, bookmark: service.issue(row.id, page.next) };
    },
  };
}
