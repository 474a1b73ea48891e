import { setFlagsFromString } from 'node:v8';

/**
 * Bounds how far V8's old generation grows before its next full collection (`--heap-growing-percent`). V8 reads the
 * flag each time it sets the next limit, so setting it at start, before the heap has grown, holds from then on.
 */
export function limitHeapGrowth(percent: number | undefined): void {
  if (percent !== undefined) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
