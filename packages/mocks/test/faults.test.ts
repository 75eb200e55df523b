import { describe, expect, it } from 'vitest';
import { FaultInjector, faultResponse } from '../src/faults.js';

describe('fault injection', () => {
  it('fails chosen request numbers of one operation', () => {
    const faults = new FaultInjector({
      rules: [{ kind: 'unavailable', operationId: 'payInvoice', onRequests: [1, 3] }],
    });
    const picks = [1, 2, 3, 4].map(() => faults.pick('payInvoice', 'request')?.kind);
    expect(picks).toEqual(['unavailable', undefined, 'unavailable', undefined]);
    expect(faults.pick('listInvoices', 'request')).toBeUndefined();
  });

  it('is reproducible at a rate for a seed', () => {
    const run = (seed: number) => {
      const faults = new FaultInjector({ seed, rules: [{ kind: 'server_error', rate: 0.3 }] });
      return Array.from({ length: 50 }, () => faults.pick('listPlans', 'request') !== undefined);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const hits = run(7).filter(Boolean).length;
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(30);
  });

  it('answers 429 with Retry-After, 503, 500, and drops connections', async () => {
    const limited = faultResponse({ kind: 'rate_limited', retryAfter: 2 });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toMatchObject({ code: 'rate_limited', retryAfter: 2 });
    expect(faultResponse({ kind: 'unavailable' }).status).toBe(503);
    expect(faultResponse({ kind: 'server_error' }).status).toBe(500);
    expect(faultResponse({ kind: 'network_error' }).type).toBe('error');
  });

  it('draws latency within a seeded range', () => {
    const faults = new FaultInjector({ latency: { min: 10, max: 20 } });
    for (let index = 0; index < 20; index += 1) {
      const latency = faults.nextLatency();
      expect(latency).toBeGreaterThanOrEqual(10);
      expect(latency).toBeLessThanOrEqual(20);
    }
  });
});
