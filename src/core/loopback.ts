/** This machine, by address or by name: what the mock trusts without a token and lets receive plain-HTTP postbacks. */

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x (what a dual-stack socket reports for an IPv4 loopback peer). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice('::ffff:'.length) : a;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v4);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}

/** A URL's hostname that names this machine: `localhost` (and `*.localhost`) or a loopback address, brackets allowed. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || isLoopback(host);
}
