/**
 * Texts keyed by the API's codes, needed only once an element shows an error, a quote's or an
 * invoice's lines, a restriction or a notice: problems, restrictions, line kinds and notices
 * (line reasons and intervals are in `reasons.ts`). This module and `reasons.ts` are a chunk of
 * their own, loaded by the provider as it starts, beside the locale's catalog
 * (`loadCodeTexts()` in `load-code-texts.ts`; `codeTexts()` reads them), so the code every page loads
 * first does not carry them. Same rules as `messages.ts` (checked by `i18n.test.ts`); their ids
 * are in the locale catalogs like every other.
 *
 * The chunk imports nothing at run time: `msg`, `str` and the formatters are handed to
 * `createCodeTexts` (`TextKit`). Imported here, the modules it shares with the main bundle
 * would be split by bundlers into small chunks of their own, loaded up front beside it.
 */

import type { Notice, QuoteLine, QuoteRestriction } from '@billkit/sdk';
import type { TextKit } from './load-code-texts.js';
import { createReasonTexts } from './reasons.js';

/** The texts, written with the page's `msg`, `str` and formatters (see `TextKit`). */
export function createCodeTexts(kit: TextKit) {
  const { msg, str, formatDate, formatMoney, formatNumber, plural } = kit;
  const { intervalText, reasonText } = createReasonTexts(kit);

  /** What went wrong, by the problem `code` of the API (or the SDK's error kind). */
  const problemText: Record<string, () => string> = {
    network: () =>
      msg("Can't reach the billing service. Check your connection and try again.", {
        id: 'problem.network',
      }),
    timeout: () =>
      msg('The billing service took too long to answer. Try again.', { id: 'problem.timeout' }),
    unauthorized: () =>
      msg('Your session has expired. Sign in again to manage billing.', {
        id: 'problem.unauthorized',
      }),
    forbidden: () =>
      msg("You don't have permission to do this. Ask a team admin.", { id: 'problem.forbidden' }),
    team_not_found: () => msg("This team wasn't found.", { id: 'problem.team_not_found' }),
    version_conflict: () =>
      msg(
        'The subscription changed in the meantime. Check the updated price, then confirm again.',
        {
          id: 'problem.version_conflict',
        },
      ),
    payment_failed: () =>
      msg('The payment was declined. Update the payment method, then try again.', {
        id: 'problem.payment_failed',
      }),
    no_payment_method: () =>
      msg('Add a payment method before making a paid change.', {
        id: 'problem.no_payment_method',
      }),
    precondition_required: () =>
      msg('The current subscription version is needed. Reload, then try again.', {
        id: 'problem.precondition_required',
      }),
    amount_changed: () =>
      msg(
        'The price changed since it was shown, and nothing was charged. Check the new price, then confirm again.',
        {
          id: 'problem.amount_changed',
        },
      ),
    idempotency_key_reused: () =>
      msg('This request was already sent with other details. Try again.', {
        id: 'problem.idempotency_key_reused',
      }),
    rate_limited: () =>
      msg('Too many requests. Wait a moment, then try again.', { id: 'problem.rate_limited' }),
    service_unavailable: () =>
      msg('The billing service is unavailable right now. Try again in a moment.', {
        id: 'problem.service_unavailable',
      }),
    internal_error: () =>
      msg('Something went wrong on our side. Try again.', { id: 'problem.internal_error' }),
    validation_failed: () =>
      msg("Some values aren't valid. Check the marked fields.", {
        id: 'problem.validation_failed',
      }),
    malformed_request: () =>
      msg("The request couldn't be read. Reload, then try again.", {
        id: 'problem.malformed_request',
      }),
    seats_below_members: () =>
      msg('There are more members than that. Remove members first.', {
        id: 'problem.seats_below_members',
      }),
    seats_follow_members: () =>
      msg('This team is billed for its members: add or remove members instead of seats.', {
        id: 'problem.seats_follow_members',
      }),
    maximum: () => msg('That value is too large.', { id: 'problem.maximum' }),
    minimum: () => msg('That value is too small.', { id: 'problem.minimum' }),
    type: () => msg('Enter a whole number.', { id: 'problem.type' }),
    // bk-auto-flex-banner
    terms_version_outdated: () =>
      msg('The auto-flex terms have changed. Read the new version, then accept it.', {
        id: 'problem.terms_version_outdated',
      }),
    auto_flex_not_available: () =>
      msg('Auto-flex is not available for how this team is billed.', {
        id: 'problem.auto_flex_not_available',
      }),
    // bk-usage-meter
    overage_not_available: () =>
      msg('Pay-as-you-go is not available for this on the current plan.', {
        id: 'problem.overage_not_available',
      }),
  };

  /** Any other problem: the code is shown so support can tell what happened. */
  const unknownProblem = (code: string) =>
    msg(str`Something went wrong (${code}). Try again.`, { id: 'problem.unknown' });

  /** Why a change is not possible with the timing asked for, by `restriction.code`. */
  const restrictionText: Record<QuoteRestriction['code'], () => string> = {
    seat_decrease_at_renewal: () =>
      msg('Fewer seats take effect at renewal.', { id: 'restriction.seat_decrease_at_renewal' }),
    annual_to_monthly_at_renewal: () =>
      msg('Annual billing switches to monthly at the end of the annual term.', {
        id: 'restriction.annual_to_monthly_at_renewal',
      }),
    downgrade_at_renewal: () =>
      msg('Downgrades take effect at renewal; the current plan stays until then.', {
        id: 'restriction.downgrade_at_renewal',
      }),
    seats_below_members: () =>
      msg('Seats cannot go below the number of members. Remove members first.', {
        id: 'restriction.seats_below_members',
      }),
    seat_order_locked: () =>
      msg('Seats cannot be reduced during a seat order; order fewer seats for its renewal.', {
        id: 'restriction.seat_order_locked',
      }),
    contact_sales: () =>
      msg('This plan is sold through our sales team.', { id: 'restriction.contact_sales' }),
  };
  /** What a quote or invoice line is, by its `kind`: the fallback when a line has no reason. */
  const lineKindText: Record<QuoteLine['kind'], () => string> = {
    plan: () => msg('Plan', { id: 'lineKind.plan' }),
    seats: () => msg('Seats', { id: 'lineKind.seats' }),
    proration: () => msg('Proration', { id: 'lineKind.proration' }),
    credit: () => msg('Credit', { id: 'lineKind.credit' }),
    auto_flex: () => msg('Auto-flex seats', { id: 'lineKind.auto_flex' }),
    overage: () => msg('Overage', { id: 'lineKind.overage' }),
    add_on: () => msg('Add-on', { id: 'lineKind.add_on' }),
    true_up: () => msg('True-up', { id: 'lineKind.true_up' }),
  };

  /** The localized text of one quote or invoice line: its reason, else (a newer code) its kind. */
  function lineText(line: QuoteLine): string {
    return reasonText(line.reason) ?? lineKindText[line.kind]();
  }

  /**
   * A notice of the overview, by its `code` with its `params` (and `date`). `resourceName` is the
   * localized or API name of the resource a usage notice is about (its params carry only the id).
   */
  function noticeText(notice: Notice, resourceName = ''): string {
    const params = notice.params;
    const count = (key: string) => Number(params[key] ?? 0);
    const date = notice.date ? formatDate(notice.date) : '';
    const money = (key: string) =>
      formatMoney({ amount: count(key), currency: String(params.currency ?? 'USD') });
    switch (notice.code) {
      case 'deactivated':
        return msg(
          'The team is deactivated. Pay the overdue invoices to reactivate it; its data is kept.',
          { id: 'notice.deactivated' },
        );
      case 'payment_failed':
        return msg(
          str`A payment of ${money('amount')} failed (attempt ${formatNumber(count('attempt'))} of ${formatNumber(count('maxAttempts'))}). The team will be deactivated on ${date} unless the overdue invoices are paid.`,
          { id: 'notice.payment_failed' },
        );
      case 'grace_period':
        return msg(
          str`Payment is past due. The team will be deactivated on ${date} unless the overdue invoices are paid.`,
          { id: 'notice.grace_period' },
        );
      case 'seat_order_expiring':
        return plural(count('seats'), {
          one: () =>
            msg(str`The seat order of ${formatNumber(count('seats'))} seat expires on ${date}.`, {
              id: 'notice.seat_order_expiring#one',
            }),
          other: () =>
            msg(str`The seat order of ${formatNumber(count('seats'))} seats expires on ${date}.`, {
              id: 'notice.seat_order_expiring#other',
            }),
        });
      case 'trial_ending':
        return msg(str`The trial ends on ${date}; the plan is then charged automatically.`, {
          id: 'notice.trial_ending',
        });
      case 'auto_flex_billing_soon':
        return plural(count('extraMembers'), {
          one: () =>
            msg(
              str`${formatNumber(count('extraMembers'))} extra member will be billed on ${date} if still on the team.`,
              { id: 'notice.auto_flex_billing_soon#one' },
            ),
          other: () =>
            msg(
              str`${formatNumber(count('extraMembers'))} extra members will be billed on ${date} if still on the team.`,
              { id: 'notice.auto_flex_billing_soon#other' },
            ),
        });
      case 'usage_capped':
        return msg(
          str`${resourceName} reached its included ${formatNumber(count('included'))}; more usage is refused until ${date}.`,
          { id: 'notice.usage_capped' },
        );
      case 'usage_near_limit':
        return msg(
          str`${resourceName}: ${formatNumber(count('used'))} of the included ${formatNumber(count('included'))} used.`,
          { id: 'notice.usage_near_limit' },
        );
      case 'scheduled_change':
        switch (params.source) {
          case 'cancel':
            return msg(str`The subscription ends on ${date}; the team then moves to Free.`, {
              id: 'notice.scheduled_change.cancel',
            });
          case 'downgrade':
            return msg(str`The downgrade takes effect on ${date}.`, {
              id: 'notice.scheduled_change.downgrade',
            });
          case 'interval_change':
            return msg(str`The billing interval changes on ${date}.`, {
              id: 'notice.scheduled_change.interval_change',
            });
          default:
            return msg(str`A scheduled change takes effect on ${date}.`, {
              id: 'notice.scheduled_change',
            });
        }
    }
  }

  return {
    problemText,
    unknownProblem,
    restrictionText,
    lineKindText,
    lineText,
    reasonText,
    noticeText,
    intervalText,
  };
}
