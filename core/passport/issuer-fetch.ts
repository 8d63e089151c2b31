import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * GET from another organisation's deployment (its keys, its status list, a passport link), with a
 * deadline, a size cap, no redirects, and a guard against being aimed at our own network: an issuer
 * that is not on the trust list may only be reached on a public address, so a passport cannot make
 * this server call into the private network it runs in (server-side request forgery). Trusted
 * issuers were put on the list by learning and development and may be anywhere (HSCN addresses are
 * private). In development, loopback is allowed (two local deployments side by side).
 */
export type FetchResult =
  | { kind: 'ok'; status: number; contentType: string; body: Buffer }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'too-large' }
  | { kind: 'refused-address'; reason: string };

export interface FetchOptions {
  accept: string;
  maxBytes: number;
  /** Put on the trust list by learning and development: any address is allowed. */
  trusted: boolean;
}

export interface IssuerFetcher {
  get(url: string, options: FetchOptions): Promise<FetchResult>;
}

const PRIVATE = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** Why an address may not be called, or undefined when it may. */
export function addressRefusal(address: string, policy: { trusted: boolean; allowLoopback: boolean }): string | undefined {
  if (policy.trusted) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  if (policy.allowLoopback && LOOPBACK.check(ip, family(ip))) return undefined;
  return PRIVATE.check(ip, family(ip)) ? 'a private or local network address' : undefined;
}

export class GuardedFetcher implements IssuerFetcher {
  constructor(private readonly options: { timeoutMs: number; allowLoopback: boolean; allowPlainHttp: boolean }) {}

  get(url: string, options: FetchOptions): Promise<FetchResult> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.resolve({ kind: 'unreachable', reason: 'not a URL' });
    }
    if (target.protocol !== 'https:' && !(this.options.allowPlainHttp && target.protocol === 'http:')) {
      return Promise.resolve({ kind: 'refused-address', reason: 'only https addresses are fetched' });
    }
    const policy = { trusted: options.trusted, allowLoopback: this.options.allowLoopback };
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const refusal = addressRefusal(host, policy);
      if (refusal) return Promise.resolve({ kind: 'refused-address', reason: refusal });
    }
    const lookup = (hostname: string, lookupOptions: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
      dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '');
        const refused = addresses.find((a) => addressRefusal(a.address, policy));
        if (refused || addresses.length === 0) return callback(Object.assign(new Error('refused address'), { code: 'EREFUSEDADDRESS' }), '');
        if ((lookupOptions as { all?: boolean }).all) return callback(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
    const client = target.protocol === 'https:' ? https : http;
    return new Promise<FetchResult>((resolve) => {
      let settled = false;
      const finish = (result: FetchResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const request = client.get(target, { headers: { accept: options.accept, 'user-agent': 'mandatory-learning-passport-verifier' }, lookup: lookup as never, agent: false }, (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          response.resume();
          return finish({ kind: 'unreachable', reason: 'it answered with a redirect' });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            finish({ kind: 'too-large' });
            response.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => finish({ kind: 'ok', status, contentType: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
        response.on('error', () => finish({ kind: 'unreachable', reason: 'the answer was cut off' }));
      });
      const timer = setTimeout(() => {
        finish({ kind: 'timeout' });
        request.destroy();
      }, this.options.timeoutMs);
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EREFUSEDADDRESS') finish({ kind: 'refused-address', reason: 'a private or local network address' });
        else finish({ kind: 'unreachable', reason: error.code === 'ENOTFOUND' ? 'its address was not found' : error.code === 'ECONNREFUSED' ? 'it refused the connection' : 'it could not be reached' });
      });
    });
  }
}
