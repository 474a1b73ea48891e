import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configFromEnv } from '../../src/config/server-config.js';
import { activeSignup, addStream, newSpace, updates, writeChange } from '../change-broker/support.js';
import { call } from '../helpers/http.js';
import { SseClient } from '../helpers/sse.js';
import { describeEachDialect, describeServer, type TestServer } from '../helpers/server.js';

/** The value of one sample of the Prometheus text format, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => present.get(k) === v)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(s: TestServer, headers: Record<string, string> = {}): Promise<string> {
  const res = await call<string>(s, 'GET', '/metrics', { headers });
  assert.equal(res.status, 200, res.text.slice(0, 300));
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return res.text;
}

describeEachDialect('metrics', (server) => {
  test('a request is counted and timed under its operationId, method and status', async () => {
    const s = server();
    const token = await s.mintToken();
    const labels = { operation_id: 'listPartnerV2Organizations', method: 'GET', status: '200' };
    const before = sample(await scrape(s), 'signups_http_requests_total', labels) ?? 0;
    const res = await call(s, 'GET', '/partner/v2/organizations', { token });
    assert.equal(res.status, 200);
    const text = await scrape(s);
    assert.equal(sample(text, 'signups_http_requests_total', labels), before + 1);
    assert.equal(sample(text, 'signups_http_request_duration_seconds_count', labels), before + 1);
    assert.ok((sample(text, 'signups_http_request_duration_seconds_sum', labels) ?? 0) > 0);
    assert.equal(sample(text, 'signups_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' }), before + 1);
    // A refused call is counted under its status; an unknown path as unmatched.
    await call(s, 'GET', '/partner/v2/organizations');
    await call(s, 'GET', '/no/such/path');
    const after = await scrape(s);
    assert.equal(sample(after, 'signups_http_requests_total', { ...labels, status: '401' }), 1);
    assert.equal(sample(after, 'signups_http_requests_total', { operation_id: 'unmatched', method: 'GET', status: '404' }), 1);
  });

  test('a Change Broker signup\'s consumer lag is the age of the oldest change its consumer has not acknowledged', async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'pump-1');
    const signup = await activeSignup(s, space, ['pump-1']);
    const labels = { signup_id: signup.id, tenant_id: space.tenant, namespace_id: space.ns };
    let text = await scrape(s);
    assert.equal(sample(text, 'signups_change_broker_signup_lag_seconds', labels), 0);
    assert.equal(sample(text, 'signups_change_broker_signup_pending_changes', labels), 0);

    await writeChange(s, space, 'pump-1', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
    s.clock.advance(30_000);
    await writeChange(s, space, 'pump-1', 'Insert', [{ Timestamp: '2026-01-01T00:01:00Z', Value: 2 }]);
    s.clock.advance(12_000);
    text = await scrape(s);
    assert.equal(sample(text, 'signups_change_broker_signup_lag_seconds', labels), 42);
    assert.equal(sample(text, 'signups_change_broker_signup_pending_changes', labels), 2);
    assert.equal(sample(text, 'signups_change_broker_changes_total', { tenant_id: space.tenant, namespace_id: space.ns }), 2);

    // Reading a page delivers the changes; coming back with its bookmark acknowledges them.
    const page = await updates(s, space, signup.id, signup.bookmark);
    assert.equal(page.status, 200);
    assert.equal(page.body.data.length, 2);
    assert.equal(sample(await scrape(s), 'signups_change_broker_signup_pending_changes', labels), 2);
    const next = await updates(s, space, signup.id, page.body.bookmark);
    assert.equal(next.status, 200);
    text = await scrape(s);
    assert.equal(sample(text, 'signups_change_broker_signup_lag_seconds', labels), 0);
    assert.equal(sample(text, 'signups_change_broker_signup_pending_changes', labels), 0);
  });

  test('changes pushed over the live updates stream count as read for the consumer lag', async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'pump-7');
    const signup = await activeSignup(s, space, ['pump-7']);
    const labels = { signup_id: signup.id, tenant_id: space.tenant, namespace_id: space.ns };
    const stream = await SseClient.open(`${s.url}${space.base}/signups/${signup.id}/updates/stream?bookmark=${signup.bookmark}`, {
      headers: { authorization: `Bearer ${space.token}` },
    });
    assert.equal(stream.status, 200);
    try {
      await writeChange(s, space, 'pump-7', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
      await stream.waitFor((events) => events.some((e) => e.event === 'update'));
      s.clock.advance(5_000);
      // The delivery is recorded right after the event is written; give it a moment to commit.
      let pending: number | undefined;
      for (let i = 0; i < 50 && pending !== 0; i++) {
        pending = sample(await scrape(s), 'signups_change_broker_signup_pending_changes', labels);
        if (pending !== 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(pending, 0);
      assert.equal(sample(await scrape(s), 'signups_change_broker_signup_lag_seconds', labels), 0);
    } finally {
      await stream.close();
    }
  });

  test('transactions, background jobs and the process are reported', async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'pump-9');
    await activeSignup(s, space, ['pump-9']);
    const text = await scrape(s);
    assert.ok((sample(text, 'signups_db_transaction_duration_seconds_count', { outcome: 'commit' }) ?? 0) > 0);
    assert.equal(sample(text, 'signups_background_jobs', { state: 'due' }), 0);
    assert.equal(sample(text, 'signups_background_jobs', { state: 'running' }), 0);
    assert.notEqual(sample(text, 'signups_background_jobs_completed_total'), undefined);
    assert.notEqual(sample(text, 'signups_background_jobs_failed_total'), undefined);
    assert.ok((sample(text, 'process_cpu_user_seconds_total') ?? 0) > 0);
    assert.ok((sample(text, 'nodejs_heap_size_used_bytes') ?? 0) > 0);
    assert.equal(sample(text, 'signups_build_info'), 1);
    if (s.dialect === 'postgres') {
      assert.equal(sample(text, 'signups_db_pool_connections', { state: 'max' }), 10);
      assert.ok((sample(text, 'signups_db_pool_connections', { state: 'idle' }) ?? -1) >= 0);
      assert.equal(sample(text, 'signups_db_pool_waiting_requests'), 0);
    } else {
      assert.equal(sample(text, 'signups_db_pool_connections', { state: 'max' }), undefined, 'SQLite has no pool');
    }
  });

  test('due jobs and jobs a worker holds are reported', async () => {
    const s = server();
    const now = s.clock.now().toISOString();
    await s.store.db.insertInto('cb_jobs').values({ id: crypto.randomUUID(), signup_id: crypto.randomUUID(), due_at: now, lease_owner: null, lease_until: null, created_at: now }).execute();
    const later = new Date(s.clock.now().getTime() + 60_000).toISOString();
    await s.store.db.insertInto('cb_jobs').values({ id: crypto.randomUUID(), signup_id: crypto.randomUUID(), due_at: later, lease_owner: 'elsewhere', lease_until: later, created_at: now }).execute();
    const text = await scrape(s);
    assert.equal(sample(text, 'signups_background_jobs', { state: 'due' }), 1);
    assert.equal(sample(text, 'signups_background_jobs', { state: 'running' }), 1);
    await s.store.db.deleteFrom('cb_jobs').execute();
  });
}, { changeBroker: { ...configFromEnv({}).changeBroker, backgroundWorker: false } });

describeServer('metrics: rate-limit rejections', (server) => {
  test('requests over the limit are counted as rejections under their operationId', async () => {
    const s = server();
    for (let i = 0; i < 3; i++) await call(s, 'GET', '/partner/v2/organizations');
    const text = await scrape(s);
    assert.equal(sample(text, 'signups_rate_limit_rejections_total', { operation_id: 'listPartnerV2Organizations' }), 1);
    assert.equal(sample(text, 'signups_http_requests_total', { operation_id: 'listPartnerV2Organizations', method: 'GET', status: '429' }), 1);
  });
}, { rateLimit: { max: 2, windowMs: 60_000 } });

describeServer('metrics: bearer token', (server) => {
  test('with SIGNUPS_METRICS_TOKEN set, /metrics needs it as a bearer token', async () => {
    const s = server();
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong' }, { authorization: 'Basic c2VjcmV0LW1ldHJpY3M=' }, { authorization: 'Bearer secret-metrics-tokenX' }]) {
      const res = await call<string>(s, 'GET', '/metrics', { headers });
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="metrics"/);
      assert.doesNotMatch(res.text, /signups_http_requests_total/);
    }
    const text = await scrape(s, { authorization: 'Bearer secret-metrics-token' });
    assert.match(text, /signups_http_requests_total/);
  });
}, { metricsToken: 'secret-metrics-token' });

describeServer('metrics: turned off', (server) => {
  test('with SIGNUPS_METRICS=off there is no /metrics', async () => {
    const s = server();
    const res = await call(s, 'GET', '/metrics');
    assert.equal(res.status, 404);
  });
}, { metrics: false });
