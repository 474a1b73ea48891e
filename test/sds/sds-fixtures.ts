import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createNamespace } from '../../src/sds/namespaces.js';
import { call, type Answer, type CallOptions } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

export interface SdsErrorBody {
  OperationId: string;
  Error: string;
  Reason: string;
  Resolution: string;
  Parameters: Record<string, string>;
}

/** A tenant with a namespace and a client acting in it; `path` builds SDS paths as the official clients write them. */
export interface SdsTenant {
  tenantId: string;
  namespaceId: string;
  token: string;
  clientId: string;
  path(rest: string): string;
  call<T = unknown>(method: string, rest: string, options?: CallOptions): Promise<Answer<T>>;
}

export async function sdsTenant(s: TestServer, tenantId = `tenant-${randomUUID().slice(0, 8)}`, namespaceId = 'ns'): Promise<SdsTenant> {
  await createNamespace(s.store.db, s.clock, tenantId, namespaceId);
  const { token, clientId } = await s.tenantToken(tenantId);
  const path = (rest: string) => `/api/v1/Tenants/${tenantId}/Namespaces/${namespaceId}${rest}`;
  return {
    tenantId,
    namespaceId,
    token,
    clientId,
    path,
    call: (method, rest, options = {}) => call(s, method, path(rest), { token, ...options }),
  };
}

/** A type with a DateTime key `Timestamp` and a Double `Value`, as the official samples build it. */
export const simpleType = (id = 'SimpleType') => ({
  Id: id,
  Name: id,
  SdsTypeCode: 'Object',
  Properties: [
    { Id: 'Timestamp', Name: 'Timestamp', IsKey: true, SdsType: { Id: 'DateTime', SdsTypeCode: 'DateTime' } },
    { Id: 'Value', Name: 'Value', SdsType: { Id: 'Double', SdsTypeCode: 14 } },
  ],
});

/** A type keyed by a property of the given SdsTypeCode. */
export const keyedType = (id: string, keyCode: number | string) => ({
  Id: id,
  SdsTypeCode: 1,
  Properties: [
    { Id: 'Key', IsKey: true, SdsType: { SdsTypeCode: keyCode } },
    { Id: 'Value', SdsType: { SdsTypeCode: 14 } },
  ],
});

/** The AVEVA error body with the status, its OperationId equal to the Operation-Id header. */
export function assertSdsError(res: Answer<unknown>, status: number): SdsErrorBody {
  assert.equal(res.status, status, res.text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = res.body as SdsErrorBody;
  const operationId = res.headers.get('operation-id');
  assert.ok(operationId, 'Operation-Id header');
  assert.equal(body.OperationId, operationId, res.text);
  for (const field of ['Error', 'Reason', 'Resolution'] as const) assert.ok(typeof body[field] === 'string' && body[field].length > 0, `${field}: ${res.text}`);
  assert.equal(typeof body.Parameters, 'object', res.text);
  return body;
}

/** Creates the type and a stream of it, asserting both were created. */
export async function typeAndStream(t: SdsTenant, streamId: string, type: { Id: string } = simpleType()): Promise<void> {
  const typeRes = await t.call('POST', `/Types/${type.Id}`, { json: type });
  assert.ok([201, 200].includes(typeRes.status), typeRes.text);
  const streamRes = await t.call('POST', `/Streams/${streamId}`, { json: { Id: streamId, TypeId: type.Id } });
  assert.equal(streamRes.status, 201, streamRes.text);
}
