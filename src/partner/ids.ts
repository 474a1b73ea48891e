import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function randomSuffix(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

export const newOrganizationId = (): string => randomUUID();
export const newEntitlementId = (): string => `ent-${randomSuffix(12)}`;
export const newUserId = (): string => `u-${randomSuffix(10)}`;
