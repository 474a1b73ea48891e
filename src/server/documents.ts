import { type ErrorFormat, loadDocument, operationsOf } from './spec.js';

/** The OpenAPI documents served, each with the error format its clients expect. */
export const DOCUMENTS: ReadonlyArray<{ file: string; format: ErrorFormat; sandboxOnly?: boolean }> = [
  { file: 'partner-v2.yaml', format: 'partner' },
  { file: 'partner-extensions-v1.yaml', format: 'partner' },
  { file: 'sds-v1.yaml', format: 'aveva' },
  { file: 'change-broker-v1.yaml', format: 'aveva' },
  { file: 'sandbox-v1.yaml', format: 'partner', sandboxOnly: true },
  { file: 'change-broker-push-v1.yaml', format: 'aveva' },
  { file: 'identity-v1.yaml', format: 'oauth2' },
];

let formatsBySegment: Map<string, ErrorFormat> | undefined;

/** The first path segment of each operation of the documents, with the error format of the operations under it. */
export function errorFormatsBySegment(): Map<string, ErrorFormat> {
  if (formatsBySegment) return formatsBySegment;
  const formats = new Map<string, ErrorFormat>();
  for (const { file, format } of DOCUMENTS) {
    for (const op of operationsOf(loadDocument(file), format).values()) {
      const segment = op.path.split('/')[1]?.toLowerCase() ?? '';
      const known = formats.get(segment);
      if (known !== undefined && known !== op.errorFormat) throw new Error(`/${segment}/ holds operations of two error formats (${known}, ${op.errorFormat})`);
      formats.set(segment, op.errorFormat);
    }
  }
  formatsBySegment = formats;
  return formats;
}

/**
 * The error format for a request no operation serves (an unknown path, a page of the server's own, a request too
 * broken to route): that of the documents' operations under the same first path segment, else the partner
 * `Failure`. This is the one place that maps paths to formats; a routed request takes its operation's format.
 */
export function errorFormatOfUnroutedPath(url: string): ErrorFormat {
  const segment = url.split(/[/?#]/)[1]?.toLowerCase() ?? '';
  return errorFormatsBySegment().get(segment) ?? 'partner';
}
