import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdempotencyKey, toEntityTag } from '../src/headers.js';
import * as sdk from '../src/index.js';
import { uuidPattern } from './server.js';

describe('idempotency keys', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are random v4 UUIDs', () => {
    const key = createIdempotencyKey();
    expect(key).toMatch(uuidPattern);
    expect(createIdempotencyKey()).not.toBe(key);
  });

  it('are built from getRandomValues where randomUUID is missing (insecure contexts)', () => {
    const getRandomValues = crypto.getRandomValues.bind(crypto);
    vi.stubGlobal('crypto', { getRandomValues });
    const keys = [createIdempotencyKey(), createIdempotencyKey()];
    for (const key of keys) expect(key).toMatch(uuidPattern);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('are made by the package entry too, for callers keeping one key per intent', () => {
    expect(sdk.createIdempotencyKey()).toMatch(uuidPattern);
  });
});

describe('entity tags', () => {
  it('quote a bare version and keep strong and weak tags', () => {
    expect(toEntityTag('17')).toBe('"17"');
    expect(toEntityTag('"17"')).toBe('"17"');
    expect(toEntityTag('W/"17"')).toBe('W/"17"');
  });
});
