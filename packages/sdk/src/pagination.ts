export interface Page<Item> {
  data: Item[];
  /** Cursor of the next page; `null` on the last page. */
  nextCursor: string | null;
}

/**
 * Yields the items of every page, fetching the next page only when the previous one has been
 * consumed. Stops between pages once `signal` is aborted.
 */
export async function* paginate<Item>(
  fetchPage: (cursor: string | undefined) => Promise<Page<Item>>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Item, void, undefined> {
  let cursor: string | undefined;
  do {
    signal?.throwIfAborted();
    const page = await fetchPage(cursor);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
