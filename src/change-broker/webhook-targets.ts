import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { AvevaError } from '../errors/aveva.js';

/**
 * Where webhooks may deliver. As a hosted service would, we refuse by default every address that reaches into the
 * server's own network rather than the public internet: loopback, private (RFC 1918, unique-local IPv6),
 * link-local (which holds the cloud metadata endpoints, 169.254.169.254 and fd00:ec2::254's neighbours),
 * carrier-grade NAT (Alibaba's metadata at 100.100.100.200), unspecified, multicast and reserved ranges.
 * `allow` lists networks (CIDR) or host names that are let through anyway, e.g. `127.0.0.0/8` for a receiver on
 * the same machine during development.
 */
const REFUSED_V4: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const REFUSED_V6: ReadonlyArray<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
];
/** Names that resolve to metadata services inside clouds, refused whatever they resolve to. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.internal']);

export class WebhookTargets {
  readonly #refused = new BlockList();
  readonly #allowed = new BlockList();
  readonly #allowedHosts = new Set<string>();

  constructor(allow: readonly string[]) {
    for (const [network, prefix] of REFUSED_V4) this.#refused.addSubnet(network, prefix, 'ipv4');
    for (const [network, prefix] of REFUSED_V6) this.#refused.addSubnet(network, prefix, 'ipv6');
    for (const entry of allow) {
      const [network, prefix] = entry.split('/');
      const family = network ? isIP(network) : 0;
      if (network && family !== 0) {
        const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
        this.#allowed.addSubnet(network, bits, family === 4 ? 'ipv4' : 'ipv6');
      } else {
        this.#allowedHosts.add(entry.toLowerCase());
      }
    }
  }

  /** Why connecting to this address is refused, or null when it may be used. */
  refusal(address: string): string | null {
    let ip = address;
    let family = isIP(ip);
    // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    if (mapped?.[1]) {
      ip = mapped[1];
      family = 4;
    }
    if (family === 0) return `'${address}' is not an IP address`;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.#allowed.check(ip, type)) return null;
    return this.#refused.check(ip, type) ? `the address ${address} is in a refused range (loopback, private, link-local or reserved)` : null;
  }

  hostAllowed(host: string): boolean {
    return this.#allowedHosts.has(host.toLowerCase());
  }

  /**
   * Checks a URL when a webhook is created: http or https, a host, and no address or name known to be refused.
   * Names are resolved only when delivering, since what they resolve to may change.
   */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw invalidUrl(raw, 'The webhook URL is not an absolute URL.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidUrl(raw, 'The webhook URL must use http or https.');
    if (url.username || url.password) throw invalidUrl(raw, 'The webhook URL must not carry credentials.');
    const host = hostOf(url);
    if (this.hostAllowed(host)) return url;
    if (METADATA_HOSTS.has(host) || host === 'localhost' || host.endsWith('.localhost')) {
      throw invalidUrl(raw, `The webhook host '${host}' is refused: it names this machine or a cloud metadata service.`);
    }
    if (isIP(host) !== 0) {
      const refusal = this.refusal(host);
      if (refusal) throw invalidUrl(raw, `The webhook URL is refused: ${refusal}.`);
    }
    return url;
  }

  /** A DNS lookup for outgoing requests that fails when a resolved address is refused: the checked one is used. */
  lookup(host: string): LookupFunction {
    const allowedByName = this.hostAllowed(host);
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 0);
        const usable = allowedByName ? addresses : addresses.filter((a) => this.refusal(a.address) === null);
        const first = usable[0];
        if (!first) {
          const refused = new Error(`refused to connect to ${hostname}: ${addresses.map((a) => this.refusal(a.address) ?? a.address).join('; ')}`);
          return callback(refused, '', 0);
        }
        if (options.all) return callback(null, usable);
        return callback(null, first.address, first.family);
      });
    };
  }
}

export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

const invalidUrl = (url: string, message: string): AvevaError =>
  new AvevaError('webhook_url_refused', message, {
    resolution: 'Use a public http(s) endpoint; for a receiver on a private network, list it in SIGNUPS_WEBHOOK_ALLOW.',
    parameters: { url },
  });
