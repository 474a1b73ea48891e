import type { AppContext } from '../../server/app-context.js';
import type { Sandbox } from '../../server/sandbox.js';

/** The sandbox controls; their routes are registered only on a server started with them. */
export function sandboxOf(app: AppContext): Sandbox {
  if (!app.sandbox) throw new Error('sandbox route on a server without the sandbox');
  return app.sandbox;
}
