/**
 * The codes of the partner API's `Failure` envelope (partner/v2, its extensions and the sandbox controls), each
 * declared once with the status and title it answers with. `openapi/partner-v2.yaml`, `partner-extensions-v1.yaml`
 * and `sandbox-v1.yaml` list them under `x-signups-error-codes`; test/server/error-catalogues.test.ts keeps the
 * three in step.
 */
export interface FailureEntry {
  status: number;
  title: string;
}

export const FAILURE_CODES = {
  // The request's content, as the partner domain and the validator judge it.
  invalid_input: { status: 400, title: 'Invalid Input' },
  invalid_parameter: { status: 400, title: 'Invalid Parameter' },
  invalid_page_token: { status: 400, title: 'Invalid Input' },
  sso_config_mismatch: { status: 400, title: 'Invalid Input' },
  link_token_expired: { status: 400, title: 'Invalid Link Token' },
  link_token_forged: { status: 400, title: 'Invalid Link Token' },
  link_token_foreign: { status: 400, title: 'Invalid Link Token' },
  resource_already_exists: { status: 409, title: 'Resource Already exists' },
  entitlement_already_linked: { status: 409, title: 'Conflict' },
  signup_already_completed: { status: 409, title: 'Conflict' },
  // The sandbox controls.
  clock_backwards: { status: 400, title: 'Invalid Input' },
  invalid_snapshot: { status: 400, title: 'Invalid Input' },
  fault_not_found: { status: 404, title: 'Not Found' },
  // The edge: framing, media types, authentication, limits.
  bad_request: { status: 400, title: 'Bad Request' },
  malformed_json: { status: 400, title: 'Bad Request' },
  invalid_content_length: { status: 400, title: 'Bad Request' },
  user_unauthenticated: { status: 401, title: 'Authentication Required' },
  user_unauthorized: { status: 403, title: 'User Access Unauthorized' },
  request_timeout: { status: 408, title: 'Request Timeout' },
  payload_too_large: { status: 413, title: 'Payload Too Large' },
  unsupported_media_type: { status: 415, title: 'Unsupported Media Type' },
  rate_limit_exceeded: { status: 429, title: 'Too Many Requests' },
  request_header_fields_too_large: { status: 431, title: 'Request Header Fields Too Large' },
  internal_error: { status: 500, title: 'Internal Server Error' },
  // Answers a sandbox fault injects, by the status it was given; other statuses answer client_error or server_error.
  not_found: { status: 404, title: 'Not Found' },
  conflict: { status: 409, title: 'Conflict' },
  client_error: { status: 400, title: 'Client Error' },
  server_error: { status: 500, title: 'Server Error' },
  bad_gateway: { status: 502, title: 'Bad Gateway' },
  service_unavailable: { status: 503, title: 'Service Unavailable' },
  gateway_timeout: { status: 504, title: 'Gateway Timeout' },
} as const satisfies Record<string, FailureEntry>;

export type FailureCode = keyof typeof FAILURE_CODES;

/** A resource that does not exist is the one refusal the partner API answers without a code (as the vendor's does). */
export const UNCODED_NOT_FOUND: FailureEntry = { status: 404, title: 'Not Found' };
