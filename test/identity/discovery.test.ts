import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { AccessTokens } from '../../src/identity/access-tokens.js';
import { rotateSigningKey } from '../../src/identity/signing-keys.js';
import { buildApp } from '../../src/server/app.js';
import { call, type Target } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';
import { sdsTenant, simpleType } from '../sds/sds-fixtures.js';

interface ProviderMetadata {
  issuer: string;
  token_endpoint: string;
  jwks_uri: string;
  grant_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  scopes_supported: string[];
}

const metadataOf = async (base: Target, prefix: string): Promise<ProviderMetadata> => {
  const res = await call<ProviderMetadata>(base, 'GET', `${prefix}/.well-known/openid-configuration`);
  assert.equal(res.status, 200, res.text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return res.body;
};

describeEachDialect('OpenID Provider discovery, JWKS and ES256 access tokens', (server) => {
  test('both discovery documents describe their own issuer with an absolute token endpoint and the signing keys', async () => {
    const s = server();
    for (const [prefix, tokenPath] of [
      ['/identity', '/identity/connect/token'],
      ['', '/oauth2/token'],
    ] as const) {
      const metadata = await metadataOf(s, prefix);
      assert.equal(metadata.issuer, `${s.url}${prefix}`);
      assert.equal(metadata.token_endpoint, `${s.url}${tokenPath}`);
      assert.equal(metadata.jwks_uri, `${s.url}${prefix}/.well-known/openid-configuration/jwks`);
      assert.deepEqual(metadata.grant_types_supported, ['client_credentials']);
      assert.deepEqual(metadata.token_endpoint_auth_methods_supported.sort(), ['client_secret_basic', 'client_secret_post']);
      assert.ok(metadata.scopes_supported.includes('partner:create') && metadata.scopes_supported.includes('partner:describe'));
      const jwks = await call<JSONWebKeySet>(s, 'GET', new URL(metadata.jwks_uri).pathname);
      assert.equal(jwks.status, 200, jwks.text);
      assert.ok(jwks.body.keys.length >= 1);
      for (const key of jwks.body.keys) {
        assert.equal(key.kty, 'EC');
        assert.equal(key.alg, 'ES256');
        assert.equal(key.use, 'sig');
        assert.ok(key.kid);
        assert.equal((key as { d?: string }).d, undefined, 'no private part');
      }
    }
  });

  test('the AVEVA Python client flow: discovery, token_endpoint with form credentials, then SDS calls', async () => {
    const s = server();
    const t = await sdsTenant(s);
    const client = await s.client([], t.tenantId);
    // What adh_sample_library_preview does: GET {base}/identity/.well-known/openid-configuration, read token_endpoint.
    const discovery = await call<{ token_endpoint: string }>(s, 'GET', '/identity/.well-known/openid-configuration', { headers: { accept: 'application/json' } });
    assert.equal(discovery.status, 200);
    const tokenEndpoint = discovery.body.token_endpoint;
    assert.ok(URL.canParse(tokenEndpoint), tokenEndpoint);
    // requests.post(token_endpoint, data={client_id, client_secret, grant_type}) sends a form.
    const tokenRes = await call<{ access_token: string; expires_in: number }>(s, 'POST', new URL(tokenEndpoint).pathname, {
      headers: { accept: 'application/json' },
      form: { client_id: client.id, client_secret: client.secret, grant_type: 'client_credentials' },
    });
    assert.equal(tokenRes.status, 200);
    const token = tokenRes.body;
    assert.ok(typeof token.access_token === 'string' && token.expires_in > 300, 'access_token and expires_in (refresh at < 5 min)');
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    const type = await call(s, 'POST', `/api/v1/Tenants/${t.tenantId}/Namespaces/${t.namespaceId}/Types/SimpleType`, {
      token: token.access_token,
      headers,
      json: simpleType(),
    });
    assert.equal(type.status, 201, type.text);
    const types = await call(s, 'GET', `/api/v1/Tenants/${t.tenantId}/Namespaces/${t.namespaceId}/Types`, { token: token.access_token, headers });
    assert.equal(types.status, 200);

    // A client can verify the token itself with the published keys.
    const header = decodeProtectedHeader(token.access_token);
    assert.equal(header.alg, 'ES256');
    assert.ok(header.kid);
    const metadata = await metadataOf(s, '/identity');
    const jwks = (await call<JSONWebKeySet>(s, 'GET', new URL(metadata.jwks_uri).pathname)).body;
    const { payload } = await jwtVerify(token.access_token, createLocalJWKSet(jwks), { issuer: metadata.issuer, algorithms: ['ES256'] });
    assert.equal(payload.sub, client.id);
    assert.equal(payload.tenant_id, t.tenantId);
  });

  test('a second process on the same database signs and accepts the same tokens, and a rotated key is picked up', async () => {
    const s = server();
    const second = await buildApp({ store: s.store, config: s.config, clock: s.clock, logger: false });
    // The second app is reached in process too, as the first: the subject is the shared database, not the socket.
    const secondApp = { app: second };
    try {
      const token = await s.token();
      assert.equal((await call(secondApp, 'GET', '/partner/v2/organizations', { token })).status, 200);
      const keysOf = async (base: Target) => (await call<JSONWebKeySet>(base, 'GET', '/.well-known/openid-configuration/jwks')).body.keys.map((k) => k.kid);
      assert.deepEqual(await keysOf(secondApp), await keysOf(s));

      const newKid = await rotateSigningKey(s.store.db);
      // A process started after the rotation signs with the new key; the running ones accept its tokens at once.
      const fresh = await AccessTokens.open(s.store.db, s.clock, 3600);
      const client = await s.client();
      const rotated = await fresh.issue({ id: client.id, name: 'c', scopes: ['partner:describe'], tenantId: null }, ['partner:describe']);
      assert.equal(decodeProtectedHeader(rotated.accessToken).kid, newKid);
      for (const base of [s, secondApp]) {
        assert.equal((await call(base, 'GET', '/partner/v2/organizations', { token: rotated.accessToken })).status, 200);
        // Tokens signed with the old key stay valid until they expire.
        assert.equal((await call(base, 'GET', '/partner/v2/organizations', { token })).status, 200);
        const kids = await keysOf(base);
        assert.ok(kids.includes(newKid) && kids.length === 2, JSON.stringify(kids));
      }
    } finally {
      await second.close();
    }
  });
});
