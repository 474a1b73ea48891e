// The web console in a real browser (Debian's Chromium driven by playwright-core): a partner, a tenant client and a
// sandbox administrator sign in and use it as a person would. Screenshots of each page go to test-results/screenshots.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { consoleBuilt } from '../../src/server/console.js';
import { startSignups, type StartedSignups } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';
import { createPostgresDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';
import { call } from '../helpers/http.js';
import { CHROMIUM, launchBrowser, type TestBrowser } from '../helpers/browser.js';

const PARTNER_SCOPES = ['partner:create', 'partner:describe'];
const TENANT = '8d1b7d2c-0000-4000-8000-0000000000c1';
const NAMESPACE = 'plant-data';

async function ensureConsoleBuilt(): Promise<void> {
  if (consoleBuilt()) return;
  await new Promise<void>((resolve, reject) => {
    execFile('npm', ['run', 'build:console'], { cwd: ROOT, timeout: 300_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${stdout}${stderr}`)) : resolve()));
  });
}

async function signIn(page: Page, url: string, client: { clientId: string; clientSecret: string }): Promise<void> {
  await page.goto(`${url}/console/`);
  await page.getByLabel('Client id').fill(client.clientId);
  await page.getByLabel('Client secret').fill(client.clientSecret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

for (const dialect of testDialects()) {
  describe(`web console [${dialect}]`, { skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM} (apt-get install chromium)` }, () => {
    let server: StartedSignups;
    let database: TestDatabase | undefined;
    let browser: TestBrowser;
    const shot = (page: Page, name: string) => browser.screenshot(page, `${name}-${dialect}`);

    before(async () => {
      await ensureConsoleBuilt();
      database = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
      server = await startSignups(database ? { databaseUrl: database.url } : {});
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await database?.drop();
    });

    test('a partner signs in, signs a customer up through the form (dry run first) and finds it in the list', async () => {
      const partner = await server.createClient({ name: 'acme-marketplace', scopes: PARTNER_SCOPES });
      const page = await browser.page();
      await page.goto(`${server.url}/console/`);
      await shot(page, 'sign-in');
      await signIn(page, server.url, partner);
      await page.getByRole('heading', { name: 'Organizations' }).waitFor();

      await page.getByRole('link', { name: 'New signup' }).click();
      const form = page.getByTestId('signup-form');
      await form.getByLabel('Name', { exact: true }).first().fill('Console Test Organization');
      await form.getByLabel('Azure AD tenant id (SSO)').fill('b3a17773-05cc-4431-9560-433fb4613da8');
      await form.getByLabel('External id').fill('console-0001');
      await form.getByLabel('Name', { exact: true }).nth(1).fill('Console Prod Entitlement');
      await form.getByLabel('Given name').fill('Ada');
      await form.getByLabel('Family name').fill('Lovelace');
      await form.getByLabel('Email').fill('ada@console.example');
      await form.getByLabel(/Dry run/).check();
      await form.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('status').waitFor();
      const dry = await page.getByRole('status').innerText();
      assert.match(dry, /^20\d/);
      const listed = await call<{ data: unknown[] }>(server.url, 'GET', '/partner/v2/organizations', { token: await partner.token() });
      assert.equal(listed.body.data.length, 0, 'a dry run writes nothing');

      await form.getByLabel(/Dry run/).uncheck();
      await form.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('status').filter({ hasText: 'organization_id' }).waitFor();
      assert.match(await page.getByRole('status').innerText(), /^201/);
      await shot(page, 'partner-signup-form');

      // The same external id again: the API's 409 as the API gave it.
      await form.getByRole('button', { name: 'Sign up' }).click();
      const error = page.getByRole('alert');
      await error.waitFor();
      assert.match(await error.innerText(), /409/);
      assert.match(await error.innerText(), /already exists|external_id/i);

      await page.getByRole('link', { name: 'Organizations' }).click();
      const row = page.getByTestId('organizations').getByRole('link', { name: 'Console Test Organization' });
      await row.waitFor();
      await page.getByLabel('Search organizations').fill('console test');
      await row.waitFor();
      await shot(page, 'partner-organizations');
      await row.click();
      await page.getByTestId('entitlements').getByText('console-0001').waitFor();
      await shot(page, 'partner-organization');

      await page.getByRole('link', { name: 'Entitlements' }).click();
      await page.getByTestId('entitlements').getByText('console-0001').waitFor();
      await shot(page, 'partner-entitlements');

      const phone = await browser.page({ width: 390, height: 844 });
      await phone.goto(`${server.url}/console/`);
      await signIn(phone, server.url, partner);
      await phone.getByTestId('organizations').getByText('Console Test Organization').waitFor();
      const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      assert.ok(overflow <= 1, `the page is ${overflow}px wider than a phone's screen`);
      await shot(phone, 'partner-organizations-phone');
      await phone.close();
      await page.close();
    });

    test('a partner sees an organization’s users and whether its signup is complete, before and after activation', async () => {
      const partner = await server.createClient({ name: 'users-marketplace', scopes: PARTNER_SCOPES });
      const page = await browser.page();
      await signIn(page, server.url, partner);
      await page.getByRole('link', { name: 'New signup' }).click();
      const form = page.getByTestId('signup-form');
      await form.getByLabel('Name', { exact: true }).first().fill('Pending Organization');
      await form.getByLabel('Azure AD tenant id (SSO)').fill('b3a17773-05cc-4431-9560-433fb4613da8');
      await form.getByLabel('External id').fill('console-pending-0001');
      await form.getByLabel('Name', { exact: true }).nth(1).fill('Pending Entitlement');
      await form.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('status').filter({ hasText: 'organization_id' }).waitFor();
      const listed = await call<{ data: Array<{ id: string; name: string }> }>(server.url, 'GET', '/partner/v2/organizations', { token: await partner.token() });
      const organizationId = listed.body.data.find((o) => o.name === 'Pending Organization')?.id;
      assert.ok(organizationId, 'the signup created the organization');

      const openOrganization = async () => {
        await page.getByRole('link', { name: 'Organizations' }).click();
        await page.getByTestId('organizations').getByRole('link', { name: 'Pending Organization' }).click();
        await page.getByRole('heading', { name: 'Pending Organization' }).waitFor();
      };
      await openOrganization();
      const state = page.getByTestId('signup-state');
      await state.getByText('Incomplete', { exact: true }).waitFor();
      assert.match(await page.getByTestId('users').innerText(), /No users yet/);
      await shot(page, 'partner-organization-incomplete');

      await page.getByRole('link', { name: 'New signup' }).click();
      const activate = page.getByTestId('activate-form');
      await activate.getByLabel('Organization id').fill(organizationId);
      await activate.getByLabel('Given name').fill('Grace');
      await activate.getByLabel('Family name').fill('Hopper');
      await activate.getByLabel('Email').fill('grace@console.example');
      await activate.getByRole('button', { name: 'Activate' }).click();
      await page.getByRole('status').filter({ hasText: 'signup is complete' }).waitFor();

      await openOrganization();
      await state.getByText('Complete', { exact: true }).waitFor();
      const users = page.getByTestId('users');
      await users.getByText('grace@console.example').waitFor();
      assert.match(await users.innerText(), /Grace Hopper/);
      await shot(page, 'partner-organization-complete');
      await page.close();
    });

    test('a tenant client sees its streams charted, its signups with their resources, and a write in the live feed within a second', async () => {
      await server.createNamespace(TENANT, NAMESPACE);
      const app = await server.createClient({ name: 'historian-app', tenant: TENANT });
      const token = await app.token();
      const ns = `/api/v1/Tenants/${TENANT}/Namespaces/${NAMESPACE}`;
      const sds = (method: string, path: string, json?: unknown) => call(server.url, method, `${ns}${path}`, { token, ...(json === undefined ? {} : { json }) });
      const ok = (status: number) => assert.ok(status >= 200 && status < 300, `status ${status}`);
      ok(
        (
          await sds('POST', '/Types/TimeValue', {
            Id: 'TimeValue',
            SdsTypeCode: 'Object',
            Properties: [
              { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
              { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
            ],
          })
        ).status,
      );
      for (const id of ['pump-1', 'pump-2']) ok((await sds('POST', `/Streams/${id}`, { Id: id, TypeId: 'TimeValue' })).status);
      const start = Date.parse('2026-11-23T10:00:00Z');
      const events = Array.from({ length: 40 }, (_, i) => ({ Timestamp: new Date(start + i * 60_000).toISOString(), Value: 50 + 10 * Math.sin(i / 4) }));
      ok((await sds('POST', '/Streams/pump-1/Data', events)).status);
      const created = await sds('POST', '/signups', { Name: 'pumps', ResourceType: 'Stream', ResourceIds: ['pump-1', 'pump-2', 'pump-404'] });
      assert.equal(created.status, 202, created.text);

      const page = await browser.page();
      await signIn(page, server.url, app);
      await page.getByLabel('Namespace').fill(NAMESPACE);
      await page.getByRole('button', { name: 'Open' }).click();
      const signups = page.getByTestId('cb-signups');
      await signups.getByText('Active').waitFor({ timeout: 10_000 });
      await signups.getByText('pump-404').waitFor();
      assert.match(await signups.innerText(), /pump-404\s*inaccessible/);
      await page.getByRole('button', { name: 'Live feed' }).click();
      // The server has the live updates stream, so the console follows it rather than polling.
      await page.getByTestId('feed-status').getByText(/^live stream/).waitFor();

      const written = await sds('POST', '/Streams/pump-2/Data', [{ Timestamp: '2026-11-23T11:00:00Z', Value: 42.5 }]);
      ok(written.status);
      const writtenAt = Date.now();
      await page.getByTestId('feed').getByText('42.5').waitFor({ timeout: 5_000 });
      const seenAfter = Date.now() - writtenAt;
      assert.ok(seenAfter <= 1_000, `the write appeared in the live feed after ${seenAfter} ms`);
      assert.match(await page.getByTestId('feed').innerText(), /Insert\s*pump-2/);
      await shot(page, 'tenant-signups-live-feed');

      await page.getByRole('link', { name: 'Streams' }).click();
      await page.getByTestId('chart-pump-1').locator('canvas').waitFor();
      assert.match(await page.getByTestId('chart-pump-1').innerText(), /40 most recent of 40 event/);
      await page.waitForTimeout(200);
      await shot(page, 'tenant-streams-chart');
      await page.close();
    });

    test('without the push stream the live feed polls with the bookmark and shows a write at the next poll', async () => {
      const namespace = 'plant-data-polling';
      await server.createNamespace(TENANT, namespace);
      const app = await server.createClient({ name: 'polling-app', tenant: TENANT });
      const token = await app.token();
      const ns = `/api/v1/Tenants/${TENANT}/Namespaces/${namespace}`;
      const sds = (method: string, path: string, json?: unknown) => call(server.url, method, `${ns}${path}`, { token, ...(json === undefined ? {} : { json }) });
      const ok = (answer: { status: number; text: string }) => assert.ok(answer.status >= 200 && answer.status < 300, `${answer.status} ${answer.text}`);
      ok(await sds('POST', '/Types/TimeValue', { Id: 'TimeValue', SdsTypeCode: 'Object', Properties: [{ Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } }, { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } }] }));
      ok(await sds('POST', '/Streams/valve-1', { Id: 'valve-1', TypeId: 'TimeValue' }));
      const created = await sds('POST', '/signups', { Name: 'valves', ResourceType: 'Stream', ResourceIds: ['valve-1'] });
      assert.equal(created.status, 202, created.text);

      const page = await browser.page();
      // The push stream is unavailable, as on a server without it: 404 in the AVEVA error body.
      let refused = 0;
      await page.route('**/updates/stream**', async (route) => {
        refused += 1;
        await route.fulfill({
          status: 404,
          headers: { 'content-type': 'application/json; charset=utf-8', 'operation-id': 'no-stream' },
          body: JSON.stringify({ OperationId: 'no-stream', Error: 'Not Found', Reason: 'No route for the live updates stream', Resolution: 'Poll Get Updates with the bookmark', Parameters: {} }),
        });
      });
      await signIn(page, server.url, app);
      await page.getByLabel('Namespace').fill(namespace);
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByTestId('cb-signups').getByText('Active').waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Live feed' }).click();
      await page.getByTestId('feed-status').getByText(/^polling with the bookmark/).waitFor();
      assert.ok(refused >= 1, 'the console asked for the stream first');
      // Polling goes on while nothing changes: wait for a poll after the first, then write.
      await page.waitForFunction("Number((/(\\d+) poll/.exec(document.querySelector('[data-testid=feed-status]').textContent) || [])[1] || 0) >= 2");

      // Counted in polls, not milliseconds (a loaded machine stretches the 400 ms between idle polls): the poll in
      // flight when the write committed may have missed it, the next one must bring it. The poll count is taken in
      // the render that shows the write, before the poll that follows at once.
      const pollCount = "Number((/(\\d+) poll/.exec(document.querySelector('[data-testid=feed-status]').textContent) || [])[1])";
      // (Assigned, not returned: evaluate would wait for the promise.)
      await page.evaluate(`void (window.pollsAtSight = new Promise((resolve) => {
        const seen = () => document.querySelector('[data-testid=feed]').textContent.includes('17.25');
        new MutationObserver((_, observer) => { if (seen()) { observer.disconnect(); resolve(${pollCount}); } })
          .observe(document.body, { subtree: true, childList: true, characterData: true });
      }))`);
      ok(await sds('POST', '/Streams/valve-1/Data', [{ Timestamp: '2026-11-23T12:00:00Z', Value: 17.25 }]));
      const pollsAtWrite = Number(await page.evaluate(pollCount));
      const pollsAtSight = Number(await Promise.race([page.evaluate('window.pollsAtSight'), sleep(5_000).then(() => Number.NaN)]));
      assert.ok(pollsAtSight <= pollsAtWrite + 2, `the write appeared at poll ${pollsAtSight}, written at poll ${pollsAtWrite}`);
      await page.getByTestId('feed').getByText('17.25').waitFor();
      assert.match(await page.getByTestId('feed').innerText(), /Insert\s*valve-1/);
      assert.match(await page.getByTestId('feed-status').innerText(), /^polling with the bookmark/, 'still polling, never streaming');
      await shot(page, 'tenant-live-feed-polling');
      await page.close();
    });

    test('a sandbox administrator reads the journal, adds and removes a fault, and advances the clock until a signup is Expired', async () => {
      await server.createNamespace(TENANT, NAMESPACE);
      const admin = await server.createClient({ name: 'admin', scopes: ['signups:admin'] });
      const app = await server.createClient({ name: 'expiring-app', tenant: TENANT });
      const token = await app.token();
      const ns = `/api/v1/Tenants/${TENANT}/Namespaces/${NAMESPACE}`;
      const created = await call<{ id: string }>(server.url, 'POST', `${ns}/signups`, { token, json: { Name: 'short-lived', ResourceType: 'Stream', ResourceIds: ['pump-1'] } });
      assert.equal(created.status, 202);

      const page = await browser.page();
      await signIn(page, server.url, admin);
      await page.getByTestId('clock').waitFor();
      const before = await page.getByTestId('clock').innerText();

      const faults = page.getByTestId('fault-form');
      await faults.getByLabel('Operation id').fill('signup');
      await faults.getByLabel('Status', { exact: true }).fill('503');
      await faults.getByLabel('Times').fill('2');
      await faults.getByRole('button', { name: 'Add fault' }).click();
      await page.getByTestId('faults').getByText('signup').waitFor();
      await shot(page, 'admin-sandbox');
      await page.getByTestId('faults').getByRole('button', { name: 'Remove' }).click();
      await page.getByTestId('faults').getByText('signup').waitFor({ state: 'detached' });

      await page.getByRole('button', { name: '+25 h' }).click();
      await page.getByText('"expired"').waitFor();
      assert.notEqual(await page.getByTestId('clock').innerText(), before);

      await page.getByRole('link', { name: 'Request journal' }).click();
      const journal = page.getByTestId('journal');
      await journal.getByText('issueToken').first().waitFor();
      await page.getByLabel('Operation', { exact: true }).fill('createSignup');
      await page.waitForFunction("!document.querySelector('[data-testid=journal]').textContent.includes('issueToken')");
      await journal.getByText('createSignup').first().waitFor();
      await shot(page, 'admin-journal');
      await journal.getByText('createSignup').first().click();
      await journal.getByText('Response body').waitFor();
      await page.getByLabel('Operation', { exact: true }).fill('');
      await journal.getByText('issueToken').first().waitFor();

      const tenantPage = await browser.page();
      await signIn(tenantPage, server.url, app);
      await tenantPage.getByLabel('Namespace').fill(NAMESPACE);
      await tenantPage.getByRole('button', { name: 'Open' }).click();
      await tenantPage.getByTestId('cb-signups').getByText('Expired').waitFor();
      await shot(tenantPage, 'tenant-signup-expired');
      await tenantPage.close();
      await page.close();
    });
  });
}
