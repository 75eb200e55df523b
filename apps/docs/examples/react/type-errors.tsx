// Compiled by `tsc` (pnpm typecheck), never run: each line below must be a type error, or the
// `@ts-expect-error` above it fails the typecheck. Proves the JSX types are real.

export const wrongTypes = (
  <>
    {/* @ts-expect-error pageSize is a number */}
    <bk-invoice-list pageSize="10" />
    {/* @ts-expect-error interval is 'month' | 'year' */}
    <bk-plan-picker interval="weekly" />
    {/* @ts-expect-error no such property */}
    <bk-seat-counter seats={5} />
    {/* @ts-expect-error a seats-changed handler gets a SeatsChangedEvent, not a MouseEvent */}
    <bk-billing-provider onbk-seats-changed={(event: MouseEvent) => event.clientX} />
  </>
);
