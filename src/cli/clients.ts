import { createClient } from '../identity/clients.js';
import { parseScopes, unknownScopes } from '../identity/scopes.js';
import { storedClock } from '../sandbox/sandbox-clock.js';
import { withStore } from './with-store.js';

export interface ClientsCreateFlags {
  database?: string;
  name: string;
  scopes?: string;
  tenant?: string;
  json?: boolean;
}

export async function createClientCommand(flags: ClientsCreateFlags): Promise<void> {
  const scopes = parseScopes(flags.scopes ?? '');
  const unknown = unknownScopes(scopes);
  if (unknown.length > 0) throw new Error(`unknown scope(s): ${unknown.join(', ')}`);
  await withStore(flags, async (store) => {
    const client = await createClient(store.db, await storedClock(store.db), { name: flags.name, scopes, tenantId: flags.tenant ?? null });
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ client_id: client.id, client_secret: client.secret })}\n`);
    } else {
      process.stdout.write(
        [
          `client_id:     ${client.id}`,
          `client_secret: ${client.secret}`,
          `scopes:        ${client.scopes.join(' ') || '(none)'}`,
          ...(client.tenantId ? [`tenant:        ${client.tenantId}`] : []),
          'The secret is shown only now; it is stored hashed.',
          '',
        ].join('\n'),
      );
    }
  });
}
