import type { FastifyReply, FastifyRequest } from 'fastify';
import { createEntitlement, getEntitlement, listEntitlements } from '../../partner/entitlements.js';
import { getOrganization, listOrganizations } from '../../partner/organizations.js';
import { entitlementUrl, listMeta, ssoUrl, toEntitlement, toOrganization } from '../../partner/representation.js';
import { activateSignup, linkSignup, type SignupOutcome, signup } from '../../partner/signup.js';
import type { EntitlementDetailsInput, EntitlementInput, OrganizationInput, PartnerContext, UserInput } from '../../partner/types.js';
import type { AppContext } from '../app-context.js';

type Req = FastifyRequest;

interface ListQuery {
  page_size: number;
  page_token?: string;
  'organization.id'?: string;
}

function displayMessage(outcome: SignupOutcome, linked: boolean): string {
  if (outcome.dryRun) return 'Validation succeeded: the signup would be accepted. Nothing was created (dry run).';
  if (linked) return 'The entitlement is now linked to your existing organization. Sign in with your single sign-on account to continue.';
  if (outcome.incomplete) return 'Your organization has been created. Signup completes once the first user is added.';
  return 'Your organization has been created. Sign in with your single sign-on account to get started.';
}

/** Thin translations between HTTP and the partner domain; every decision is made in src/partner. */
export function partnerHandlers(app: AppContext) {
  const ctx = (request: Req): PartnerContext => ({
    db: app.store.db,
    clock: app.clock,
    // authorize() ran before any of these handlers, so a principal is present.
    partnerId: request.principal?.clientId ?? '',
  });
  const signupAnswer = (outcome: SignupOutcome, linked: boolean) => ({
    organization_id: outcome.organization.id,
    sso_url: ssoUrl(app.config.ssoBaseUrl, outcome.organization.id),
    display_message: displayMessage(outcome, linked),
  });

  return {
    async signup(request: Req, reply: FastifyReply) {
      const body = request.body as { organization: OrganizationInput; entitlement: EntitlementInput; user?: UserInput };
      const { dry_run: dryRun = false } = request.query as { dry_run?: boolean };
      const outcome = await signup(ctx(request), body, { dryRun });
      return reply.code(201).send(signupAnswer(outcome, false));
    },

    async activateSignup(request: Req, reply: FastifyReply) {
      const body = request.body as { organization_id: string; user: UserInput };
      const organization = await activateSignup(ctx(request), { organizationId: body.organization_id, user: body.user });
      return reply.code(201).send({
        organization_id: organization.id,
        sso_url: ssoUrl(app.config.ssoBaseUrl, organization.id),
        display_message: 'The first user is being created; the signup is complete.',
      });
    },

    async signupPartnerV2Link(request: Req, reply: FastifyReply) {
      const body = request.body as { token: string; organization: OrganizationInput; entitlement: EntitlementInput };
      const { dry_run: dryRun = false } = request.query as { dry_run?: boolean };
      const outcome = await linkSignup(ctx(request), app.linkTokens, body, { dryRun });
      return reply.code(201).send(signupAnswer(outcome, true));
    },

    async createPartnerV2Entitlement(request: Req, reply: FastifyReply) {
      const row = await createEntitlement(ctx(request), request.body as EntitlementDetailsInput);
      const base = app.baseUrl(request);
      return reply.code(201).header('location', entitlementUrl(base, row.id)).send(toEntitlement(row, base));
    },

    async getPartnerV2Entitlement(request: Req) {
      const { id } = request.params as { id: string };
      const query = request.query as { 'organization.id'?: string };
      return toEntitlement(await getEntitlement(ctx(request), id, query['organization.id']), app.baseUrl(request));
    },

    async listPartnerV2Entitlements(request: Req) {
      const query = request.query as ListQuery;
      const base = app.baseUrl(request);
      const filter = query['organization.id'];
      const page = await listEntitlements(ctx(request), {
        pageSize: query.page_size,
        ...(filter !== undefined ? { organizationId: filter } : {}),
        ...(query.page_token !== undefined ? { pageToken: query.page_token } : {}),
      });
      return {
        api_version: 'partner/v2',
        kind: 'EntitlementList',
        metadata: listMeta(`${base}/partner/v2/entitlements`, { 'organization.id': filter, page_size: query.page_size }, page),
        data: page.items.map((row) => toEntitlement(row, base)),
      };
    },

    async getPartnerV2Organization(request: Req) {
      const { id } = request.params as { id: string };
      return toOrganization(await getOrganization(ctx(request), id), app.baseUrl(request), app.config.ssoBaseUrl);
    },

    async listPartnerV2Organizations(request: Req) {
      const query = request.query as ListQuery;
      const base = app.baseUrl(request);
      const page = await listOrganizations(ctx(request), {
        pageSize: query.page_size,
        ...(query.page_token !== undefined ? { pageToken: query.page_token } : {}),
      });
      return {
        api_version: 'partner/v2',
        kind: 'OrganizationList',
        metadata: listMeta(`${base}/partner/v2/organizations`, { page_size: query.page_size }, page),
        data: page.items.map((row) => toOrganization(row, base, app.config.ssoBaseUrl)),
      };
    },
  };
}
