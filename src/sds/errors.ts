/** What an SDS or Change Broker operation can refuse, independent of HTTP. */
export type SdsErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden';

export class SdsError extends Error {
  constructor(
    readonly kind: SdsErrorKind,
    message: string,
    readonly details: { reason?: string; resolution?: string; parameters?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'SdsError';
  }
}
