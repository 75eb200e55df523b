/**
 * Fault injection: latency, 5xx, 429 with Retry-After and dropped connections,
 * either at a seeded (so reproducible) rate or on chosen request numbers.
 */
import { problemResponse } from './problem.js';

export type FaultKind = 'server_error' | 'unavailable' | 'rate_limited' | 'network_error';

/** Without `rate` or `onRequests`, a rule applies to every request it matches. */
export interface FaultRule {
  kind: FaultKind;
  /** probability per matching request, 0..1, drawn from the seeded generator */
  rate?: number;
  /** 1-based numbers of the matching requests that fail (e.g. [1, 2]: the first two) */
  onRequests?: readonly number[];
  /** only requests of this operation (e.g. 'payInvoice'); all API requests when absent */
  operationId?: string;
  /**
   * 'request' (default) fails before the operation runs; 'response' runs it and
   * then loses or replaces the answer, the case idempotency keys exist for.
   */
  phase?: 'request' | 'response';
  /** seconds, for rate_limited and unavailable (default 1) */
  retryAfter?: number;
}

export type Latency = number | { min: number; max: number };

export interface FaultOptions {
  seed?: number;
  latency?: Latency;
  rules?: FaultRule[];
}

/** mulberry32: tiny, fast and good enough to make fault rates reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class FaultInjector {
  #random: () => number = Math.random;
  #latency: Latency = 0;
  #rules: FaultRule[] = [];
  #matchCounts: number[] = [];

  constructor(options: FaultOptions = {}) {
    this.configure(options);
  }

  /** Replaces the whole configuration and restarts the request counts and the generator. */
  configure({ seed = 1, latency = 0, rules = [] }: FaultOptions): void {
    this.#random = seededRandom(seed);
    this.#latency = latency;
    this.#rules = [...rules];
    this.#matchCounts = rules.map(() => 0);
  }

  add(rule: FaultRule): void {
    this.#rules.push(rule);
    this.#matchCounts.push(0);
  }

  clear(): void {
    this.configure({});
  }

  get rules(): readonly FaultRule[] {
    return this.#rules;
  }

  /** Milliseconds to wait before answering this request. */
  nextLatency(): number {
    const latency = this.#latency;
    if (typeof latency === 'number') return latency;
    return latency.min + Math.round(this.#random() * (latency.max - latency.min));
  }

  /** The fault to inject for this request in this phase, if any; counts the request per rule. */
  pick(operationId: string, phase: 'request' | 'response'): FaultRule | undefined {
    let picked: FaultRule | undefined;
    this.#rules.forEach((rule, index) => {
      if ((rule.phase ?? 'request') !== phase) return;
      if (rule.operationId !== undefined && rule.operationId !== operationId) return;
      const count = (this.#matchCounts[index] ?? 0) + 1;
      this.#matchCounts[index] = count;
      // A rule with neither a rate nor request numbers applies to every matching request.
      const hit =
        rule.onRequests === undefined && rule.rate === undefined
          ? true
          : rule.onRequests?.includes(count) === true ||
            (rule.rate !== undefined && this.#random() < rule.rate);
      if (hit && picked === undefined) picked = rule;
    });
    return picked;
  }
}

/** The response a fault produces; `Response.error()` is a network failure to the caller. */
export function faultResponse(rule: FaultRule): Response {
  const retryAfter = rule.retryAfter ?? 1;
  switch (rule.kind) {
    case 'network_error':
      return Response.error();
    case 'rate_limited':
      return problemResponse(429, 'rate_limited', {
        detail: 'Too many requests (injected by the mock)',
        retryAfter,
      });
    case 'unavailable':
      return problemResponse(503, 'service_unavailable', {
        detail: 'The billing service is unavailable (injected by the mock)',
        retryAfter,
      });
    case 'server_error':
      return problemResponse(500, 'internal_error', {
        detail: 'Internal error (injected by the mock)',
      });
  }
}
