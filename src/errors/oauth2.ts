/**
 * The RFC 6749 §5.2 error codes of the token endpoint's OAuth2 error body, each with the status it answers with
 * when the token grant refuses. `openapi/partner-v2.yaml` lists them as the enum of `OAuthError.error`. Refusals
 * that are not the grant's (rate limits, sandbox faults) keep their own status and take the nearest code.
 */
export const OAUTH2_CODES = {
  invalid_request: { status: 400 },
  invalid_client: { status: 401 },
  invalid_grant: { status: 400 },
  unauthorized_client: { status: 400 },
  unsupported_grant_type: { status: 400 },
  invalid_scope: { status: 400 },
  temporarily_unavailable: { status: 503 },
  server_error: { status: 500 },
} as const satisfies Record<string, { status: number }>;

export type OAuth2Code = keyof typeof OAUTH2_CODES;
