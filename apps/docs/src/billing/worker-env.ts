/**
 * MSW (which the mock imports for its request handlers) sets up a cookie store from
 * `localStorage` when its module loads in a browser-like environment, and a worker has none.
 * The mock backend keeps no cookies, so an in-memory store is enough. Imported before the mock.
 */
if (!('localStorage' in globalThis)) {
  const items = new Map<string, string>();
  const storage: Storage = {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: storage });
}
