/** True when dist/cli/index.js is missing or older than the newest file under src/. */
export function distIsStale(): boolean;
