import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientIp, limitedAs } from './client-ip.ts';

// app.request's third argument stands in for the Node socket clientIp reads.
const ipOf = async (remoteAddress: string | undefined, opts: { trustProxy?: boolean; forwarded?: string } = {}) => {
  const app = new Hono().get('/', (c) => c.json({ ip: clientIp(c, opts.trustProxy ?? false) }));
  const headers: Record<string, string> = opts.forwarded ? { 'X-Forwarded-For': opts.forwarded } : {};
  const res = await app.request('/', { headers }, { incoming: { socket: { remoteAddress } } });
  return ((await res.json()) as { ip: string | null }).ip;
};

describe('clientIp', () => {
  it('gives an IPv4 client as IPv4 however the socket wrote it', async () => {
    expect(await ipOf('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(await ipOf('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(await ipOf('203.0.113.5')).toBe('203.0.113.5');
  });

  it('leaves IPv6 addresses as they are', async () => {
    expect(await ipOf('::1')).toBe('::1');
    expect(await ipOf('2001:db8::ffff:1')).toBe('2001:db8::ffff:1');
    expect(await ipOf('::ffff:2001:db8')).toBe('::ffff:2001:db8');
  });

  it('takes the nearest forwarded hop behind a trusted proxy, mapped or not', async () => {
    expect(await ipOf('127.0.0.1', { trustProxy: true, forwarded: '198.51.100.1, ::ffff:203.0.113.9' })).toBe(
      '203.0.113.9',
    );
    expect(await ipOf('::ffff:127.0.0.1', { forwarded: '198.51.100.1' })).toBe('127.0.0.1');
  });

  it("takes the socket's address when the nearest hop is not an address (a forged header)", async () => {
    // A value no proxy writes would be the consent record's IP and a 500 past its column's 64 characters.
    expect(await ipOf('::ffff:127.0.0.1', { trustProxy: true, forwarded: 'z'.repeat(100) })).toBe('127.0.0.1');
    expect(await ipOf('127.0.0.1', { trustProxy: true, forwarded: '203.0.113.9, garbage' })).toBe('127.0.0.1');
    expect(await ipOf('127.0.0.1', { trustProxy: true, forwarded: ' , ' })).toBe('127.0.0.1');
    expect(await ipOf('127.0.0.1', { trustProxy: true, forwarded: `fe80::1%${'a'.repeat(100)}` })).toBe('127.0.0.1');
  });

  it('is null without a socket address', async () => {
    expect(await ipOf(undefined)).toBeNull();
  });
});

describe('what the per-IP limits count an address as', () => {
  it('counts an IPv6 address by its /64 network, however it is written; IPv4 by itself', () => {
    expect(limitedAs('2001:db8:1::1')).toBe('2001:db8:1:0::/64');
    expect(limitedAs('2001:db8:1:0:abcd::9')).toBe('2001:db8:1:0::/64');
    expect(limitedAs('2001:0DB8:0001:0000:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:0::/64');
    expect(limitedAs('2001:db8:1:1::1')).toBe('2001:db8:1:1::/64');
    expect(limitedAs('::1')).toBe('0:0:0:0::/64');
    expect(limitedAs('fe80::1')).toBe('fe80:0:0:0::/64');
    expect(limitedAs('203.0.113.5')).toBe('203.0.113.5');
  });

  it('counts an IPv4 client carried in IPv6 (mapped, compatible, NAT64) as that client, not one /64 for all', () => {
    for (const carried of [
      '::ffff:c000:201',
      '0:0:0:0:0:ffff:192.0.2.1',
      '::192.0.2.1',
      '64:ff9b::192.0.2.1',
      '64:ff9b::c000:201',
    ])
      expect(limitedAs(carried), carried).toBe('192.0.2.1');
    expect(limitedAs('64:ff9b::c000:202')).toBe('192.0.2.2');
  });
});
