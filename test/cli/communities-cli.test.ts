import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { sharedStreams } from '../../src/change-broker/communities.js';
import { BIN, ensureBuilt, ROOT, type Run, shellEnv } from '../helpers/cli.js';
import { describeEachDialect } from '../helpers/server.js';
import { addStream, newSpace } from '../change-broker/support.js';

function signups(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: shellEnv(), timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

before(ensureBuilt);

describeEachDialect('signups communities create, share and unshare', (server) => {
  test('create a community of two tenants, share a stream into it, unshare it; mistakes exit non-zero in one line', async () => {
    const s = server();
    const owner = await newSpace(s);
    await addStream(s, owner, 'pump-1');
    const member = `tenant-${randomUUID().slice(0, 8)}`;
    const id = `community-${randomUUID()}`;
    const db = ['--database', s.store.url];
    const shared = () => sharedStreams(s.store.db, { communityId: id, readerTenantId: member, tenantId: owner.tenant, namespaceId: owner.ns, streamIds: ['pump-1'] });

    let run = await signups(['communities', 'create', ...db, '--id', id, '--tenant', owner.tenant, '--tenant', member]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`community ${id} created; members added: ${owner.tenant}, ${member}`));
    run = await signups(['communities', 'create', ...db, '--id', id, '--tenant', member]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /already exists; no new members/);

    const share = ['--community', id, '--tenant', owner.tenant, '--namespace', owner.ns, '--stream', 'pump-1'];
    run = await signups(['communities', 'share', ...db, ...share]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /shared into community/);
    assert.deepEqual([...(await shared())], ['pump-1']);

    run = await signups(['communities', 'unshare', ...db, ...share]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /no longer shared into community/);
    assert.deepEqual([...(await shared())], []);

    for (const [args, message] of [
      [['communities', 'share', ...db, ...share.slice(0, -1), 'no-such-stream'], /stream 'no-such-stream' was not found/],
      [['communities', 'share', ...db, '--community', 'nope', ...share.slice(2)], /community 'nope' does not exist/],
      [['communities', 'share', ...db, '--community', id, '--tenant', 'outsider', '--namespace', owner.ns, '--stream', 'pump-1'], /not all members/],
    ] as const) {
      run = await signups([...args]);
      assert.equal(run.code, 1, `${args.join(' ')}: ${run.stdout}`);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
    run = await signups(['communities', 'create', ...db, '--id', id]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /required option '--tenant/);
  });
});
