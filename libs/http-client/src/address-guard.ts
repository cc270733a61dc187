import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * Which network addresses a fetch may connect to. Only public unicast addresses by default: a feed
 * URL (or a redirect, or a DNS answer) pointing at loopback, private networks, link-local space
 * (where cloud metadata services live, 169.254.169.254) or other special ranges is refused, so a
 * hostile source cannot turn the fetcher against the internal network. A source may allow named
 * ranges explicitly, e.g. ['loopback'] for a test server on 127.0.0.1.
 *
 * Range names are ipaddr.js's: loopback, private, linkLocal, uniqueLocal, carrierGradeNat,
 * unspecified, broadcast, multicast, reserved, …
 */
export type AddressRange = string;

/** The ipaddr.js range of an address ('unicast' for public ones), IPv4-mapped IPv6 read as IPv4. */
export function addressRange(address: string): string {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range();
}

/** Null when the address may be connected to, else why not. */
export function addressRefusal(address: string, allowedRanges: ReadonlySet<AddressRange>): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const range = addressRange(address);
  if (range === 'unicast' || allowedRanges.has(range)) return null;
  return `${address} is a ${range} address, which this source may not fetch from`;
}

export const FORBIDDEN_ADDRESS_CODE = 'EWIRESTREAMFORBIDDENADDRESS';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup replacement for the socket connector: it resolves as usual, then refuses the
 * connection when any resolved address is forbidden. Checking the address actually connected to
 * (not a separate, earlier resolution) also defeats DNS rebinding.
 */
export function guardedLookup(allowedRanges: ReadonlySet<AddressRange>) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refusal = addresses.map((entry) => addressRefusal(entry.address, allowedRanges)).find(Boolean);
      if (refusal) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${refusal}`);
        refused.code = FORBIDDEN_ADDRESS_CODE;
        return callback(refused, []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
