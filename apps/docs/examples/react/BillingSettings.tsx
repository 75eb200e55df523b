import '@billkit/elements'; // defines the bk- elements
import type { SeatsChangedEvent } from '@billkit/elements';
import { useState } from 'react';

export interface BillingSettingsProps {
  baseUrl: string;
  teamId: string;
  /** Your backend's short-lived, team-scoped token for the signed-in user. */
  getToken: (options?: { forceRefresh?: boolean }) => Promise<string>;
  locale?: string;
}

/**
 * The billing section of a React 19 settings page: the custom elements used directly. React 19
 * sets `getToken`, `pageSize` … as properties (the elements have them) and listens to
 * `onbk-…` props as the elements' events.
 */
export function BillingSettings({ baseUrl, teamId, getToken, locale }: BillingSettingsProps) {
  const [lastChange, setLastChange] = useState<string>();

  const onSeatsChanged = (event: SeatsChangedEvent) =>
    setLastChange(`You now have ${event.detail.subscription.seats.purchased} seats.`);

  return (
    <section aria-label="Billing">
      <bk-billing-provider
        baseUrl={baseUrl}
        teamId={teamId}
        getToken={getToken}
        locale={locale}
        onbk-seats-changed={onSeatsChanged}
      >
        <bk-seat-counter />
        <bk-invoice-list pageSize={10} />
      </bk-billing-provider>
      {lastChange && <p role="status">{lastChange}</p>}
    </section>
  );
}
