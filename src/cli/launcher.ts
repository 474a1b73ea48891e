/** How often the process checks whether the process that started it is still there. */
const CHECK_EVERY_MS = 250;

/**
 * Started through `npx` / `npm exec`, the server runs under npm and a shell: a signal sent to the job (`kill $!`)
 * reaches npm, which passes it on to the shell, and the shell ends without passing it to the server. The server then
 * notices that its parent is gone (it was re-parented) and shuts down as it would on SIGTERM, instead of living on
 * as an orphan that holds the port and the database. Started any other way, it does not watch.
 */
export function followLauncher(onGone: () => void, env: NodeJS.ProcessEnv = process.env): void {
  if (env.npm_command !== 'exec' && env.npm_lifecycle_event !== 'npx') return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, CHECK_EVERY_MS);
  timer.unref();
}
