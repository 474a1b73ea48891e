import type { AppContext } from '../app-context.js';

/** Handlers of the SDS subset (types, streams, access control, data), bound by operationId. */
export function sdsHandlers(_app: AppContext) {
  return {};
}
