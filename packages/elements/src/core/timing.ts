/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts: a debounce inside a
 * task (`await abortableDelay(300, signal)` before asking the API), so a run superseded by new
 * input stops without a request.
 */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
