import { LinkTokens } from '../identity/link-tokens.js';
import { storedClock } from '../sandbox/sandbox-clock.js';
import { getOrCreateSecret } from '../store/settings.js';
import { withStore } from './with-store.js';

export interface LinkTokenFlags {
  database?: string;
  organization: string;
  ttl: string;
  partner?: string;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `90s`, `15m`, `1h`, `7d` or plain seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  const amount = match ? Number(match[1]) : NaN;
  const seconds = amount * (UNITS[match?.[2] || 's'] ?? NaN);
  if (!Number.isSafeInteger(seconds) || seconds <= 0) throw new Error(`'${text}' is not a duration (e.g. 90s, 15m, 1h, 7d)`);
  return seconds;
}

export async function linkTokenCommand(flags: LinkTokenFlags): Promise<void> {
  const ttl = parseDuration(flags.ttl);
  await withStore(flags, async (store) => {
    const org = await store.db.selectFrom('organizations').select('id').where('id', '=', flags.organization).executeTakeFirst();
    if (!org) throw new Error(`no organization '${flags.organization}' in this database`);
    const tokens = new LinkTokens(await getOrCreateSecret(store.db, 'link_token_key'), await storedClock(store.db));
    process.stdout.write(`${await tokens.issue({ organizationId: org.id, partnerId: flags.partner ?? null }, ttl)}\n`);
  });
}
