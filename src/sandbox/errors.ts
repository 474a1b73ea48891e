/** What a sandbox control can refuse, independent of HTTP; answered in the partner `Failure` envelope. */
export type SandboxErrorKind = 'invalid' | 'not_found';

export class SandboxError extends Error {
  constructor(
    readonly kind: SandboxErrorKind,
    message: string,
    readonly details: { code?: string; pointer?: string; parameter?: string } = {},
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}
