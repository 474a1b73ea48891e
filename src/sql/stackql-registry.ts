import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { type OpenApiDoc, type ProviderInfo, Registry, type ResourceInfo, resourcesOf, type ServiceInfo } from './registry.js';
import { SqlError } from './sql-error.js';

/**
 * A provider registry laid out as StackQL's (`stackql/stackql-provider-registry`):
 * `<root>/src/<provider>/<version>/provider.yaml`, whose `providerServices.<name>.service.$ref` names each
 * service's OpenAPI document relative to `<root>/src`. Nothing is parsed until a statement needs it: SHOW PROVIDERS
 * reads directory names, SHOW SERVICES one provider.yaml, and a resource only its own service document.
 */

interface ServiceEntry {
  id?: string;
  name?: string;
  title?: string;
  description?: string;
  version?: string;
  preferred?: boolean;
  service?: { $ref?: string };
}

interface ProviderManifest {
  id?: string;
  name?: string;
  version?: string;
  description?: string;
  title?: string;
  providerServices?: Record<string, ServiceEntry>;
  config?: { auth?: unknown };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Version folders compared as StackQL writes them (v00.00.00000, v0.1.0): by their numbers. */
function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}

function readYaml<T>(file: string): T {
  try {
    return parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new SqlError(`cannot read ${file}: ${(error as Error).message}`, 'plan');
  }
}

class RegistryService implements ServiceInfo {
  #resources: ResourceInfo[] | undefined;

  constructor(
    readonly provider: string,
    readonly name: string,
    readonly title: string,
    readonly description: string,
    readonly version: string,
    private readonly file: string,
  ) {}

  get resources(): ResourceInfo[] {
    if (!this.#resources) {
      const doc = readYaml<OpenApiDoc>(this.file);
      this.#resources = resourcesOf(doc ?? {}, this.file, { provider: this.provider, service: this.name }).filter(
        (r) => r.provider === this.provider && r.service === this.name,
      );
    }
    return this.#resources;
  }
}

class RegistryProvider implements ProviderInfo {
  #manifest: ProviderManifest | undefined;
  #services: ServiceInfo[] | undefined;

  constructor(
    readonly name: string,
    readonly version: string,
    private readonly dir: string,
    private readonly srcRoot: string,
  ) {}

  private manifest(): ProviderManifest {
    this.#manifest ??= readYaml<ProviderManifest | null>(join(this.dir, 'provider.yaml')) ?? {};
    return this.#manifest;
  }

  get title(): string {
    return this.manifest().title ?? this.name;
  }

  get description(): string {
    return this.manifest().description ?? '';
  }

  get auth(): unknown {
    return this.manifest().config?.auth;
  }

  /** A service's `$ref` is relative to the registry's `src` folder; one relative to the provider's folder works too. */
  private serviceFile(ref: string): string {
    if (isAbsolute(ref)) return ref;
    const candidates = [join(this.srcRoot, ref), join(this.dir, ref), join(dirname(this.dir), ref)];
    return candidates.find((c) => existsSync(c)) ?? (candidates[0] as string);
  }

  get services(): ServiceInfo[] {
    if (!this.#services) {
      const services: ServiceInfo[] = [];
      for (const [key, entry] of Object.entries(this.manifest().providerServices ?? {})) {
        const ref = entry.service?.$ref;
        if (!ref) throw new SqlError(`${join(this.dir, 'provider.yaml')}: providerServices.${key} has no service.$ref`, 'plan');
        const name = entry.name ?? key;
        services.push(new RegistryService(this.name, name, entry.title ?? name, entry.description ?? '', entry.version ?? this.version, this.serviceFile(ref)));
      }
      this.#services = services;
    }
    return this.#services;
  }
}

/** The registry under `root` (the folder holding `src/`, or `src` itself). Each provider at its newest version. */
export function loadStackqlRegistry(root: string): Registry {
  if (!isDirectory(root)) throw new SqlError(`--registry: ${root} is not a folder`, 'plan');
  const srcRoot = isDirectory(join(root, 'src')) ? join(root, 'src') : root;
  const registry = new Registry(true);
  for (const name of readdirSync(srcRoot).sort()) {
    const providerDir = join(srcRoot, name);
    if (!isDirectory(providerDir)) continue;
    const versions = readdirSync(providerDir)
      .filter((v) => existsSync(join(providerDir, v, 'provider.yaml')))
      .sort(compareVersions);
    const version = versions.at(-1);
    if (version) registry.providers.push(new RegistryProvider(name, version, join(providerDir, version), srcRoot));
  }
  return registry;
}
