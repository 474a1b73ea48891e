import { registerApiDocs } from '../api-docs.js';
import { consoleBuilt, registerConsole } from '../console.js';
import { registerLandingPage } from '../landing-page.js';
import type { AppPlugin } from './plugin.js';

/** The server's own pages: the API reference and documents, the console, the landing page. */
export const pages: AppPlugin = async (app, { context, served }) => {
  const { config } = context;
  await registerApiDocs(app, { documents: served, baseUrl: context.baseUrl });
  await registerConsole(app);
  registerLandingPage(app, { documentNames: served.map((d) => d.name), consoleAvailable: consoleBuilt(), metrics: !config.metrics ? 'off' : config.metricsToken !== undefined ? 'protected' : 'open' });
};
