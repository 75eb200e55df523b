/**
 * Why a quote or invoice line exists, in the viewer's language: one text per `LineReason` code
 * of the contract, worded from its `params` (never the API's English `description`). Shared by
 * every element that shows lines (`lineText` in `code-texts.ts` calls it), and loaded with it,
 * importing nothing at run time either. Dates the line's `period` already shows are left out;
 * plan, add-on and resource names are the catalog's, as the API gives them. Every id here is in
 * the locale catalogs like those of `messages.ts`.
 */

import type { Interval, LineReason } from '@billkit/sdk';
import type { TextKit } from './load-code-texts.js';

/** The texts, written with the page's `msg`, `str` and formatters (see `TextKit`). */
export function createReasonTexts(kit: TextKit) {
  const { msg, str, formatDate, formatNumber, plural } = kit;

  /** A billing interval as an adjective inside a sentence ("Basic (monthly)"). */
  const intervalText: Record<Interval, () => string> = {
    month: () => msg('monthly', { id: 'interval.month' }),
    year: () => msg('annual', { id: 'interval.year' }),
  };

  /** "12 of 30 days": the part of a period a proration or credit covers. */
  function daysOf(remaining: number, inPeriod: number): string {
    const r = formatNumber(remaining);
    const n = formatNumber(inPeriod);
    return plural(inPeriod, {
      one: () => msg(str`${r} of ${n} day`, { id: 'reason.daysOf#one' }),
      other: () => msg(str`${r} of ${n} days`, { id: 'reason.daysOf#other' }),
    });
  }

  /** The localized text of a line's reason; undefined for a code newer than this package. */
  function reasonText(reason: LineReason): string | undefined {
    switch (reason.code) {
      case 'plan_period': {
        const { planName, interval } = reason.params;
        return msg(str`${planName} (${intervalText[interval]()})`, { id: 'reason.plan_period' });
      }
      case 'plan_period_members': {
        const { planName, interval } = reason.params;
        return msg(str`${planName} (${intervalText[interval]()}), billed per member`, {
          id: 'reason.plan_period_members',
        });
      }
      case 'members_above_seats':
        return msg(str`Members above the ${formatNumber(reason.params.seats)} scheduled seats`, {
          id: 'reason.members_above_seats',
        });
      case 'auto_flex_extra_seats':
        return msg(
          str`Auto-flex members above ${formatNumber(reason.params.seats)} seats, now purchased seats`,
          { id: 'reason.auto_flex_extra_seats' },
        );
      case 'auto_flex_co_termed': {
        const { keptOn, daysRemaining, daysInPeriod } = reason.params;
        return msg(
          str`Auto-flex members kept on ${formatDate(keptOn)}, for ${daysOf(daysRemaining, daysInPeriod)}`,
          { id: 'reason.auto_flex_co_termed' },
        );
      }
      case 'add_on_period':
        return reason.params.addOnName;
      case 'true_up_member_added': {
        const { joinedOn, daysRemaining, daysInPeriod } = reason.params;
        return msg(
          str`True-up for members who joined on ${formatDate(joinedOn)}, for ${daysOf(daysRemaining, daysInPeriod)}`,
          { id: 'reason.true_up_member_added' },
        );
      }
      case 'upgrade_proration': {
        const { fromPlanName, toPlanName, daysRemaining, daysInPeriod } = reason.params;
        return msg(
          str`Upgrade ${fromPlanName} → ${toPlanName}: price difference for the remaining ${daysOf(daysRemaining, daysInPeriod)}`,
          { id: 'reason.upgrade_proration' },
        );
      }
      case 'upgrade_full_period': {
        const { planName, interval } = reason.params;
        return msg(str`${planName} (${intervalText[interval]()}), a full period from today`, {
          id: 'reason.upgrade_full_period',
        });
      }
      case 'seats_added_prorated': {
        const { daysRemaining, daysInPeriod } = reason.params;
        return msg(str`Added seats for the remaining ${daysOf(daysRemaining, daysInPeriod)}`, {
          id: 'reason.seats_added_prorated',
        });
      }
      case 'add_on_added_prorated': {
        const { addOnName, daysRemaining, daysInPeriod } = reason.params;
        return msg(
          str`${addOnName} added for the remaining ${daysOf(daysRemaining, daysInPeriod)}`,
          {
            id: 'reason.add_on_added_prorated',
          },
        );
      }
      case 'unused_time_credit': {
        const { planName, interval, daysRemaining, daysInPeriod } = reason.params;
        return msg(
          str`Unused ${daysOf(daysRemaining, daysInPeriod)} of ${planName} (${intervalText[interval]()})`,
          { id: 'reason.unused_time_credit' },
        );
      }
      case 'unused_add_on_credit': {
        const { addOnName, daysRemaining, daysInPeriod } = reason.params;
        return msg(str`Unused ${daysOf(daysRemaining, daysInPeriod)} of ${addOnName}`, {
          id: 'reason.unused_add_on_credit',
        });
      }
      case 'overage_blocks': {
        const { resourceName, used, included, blockSize } = reason.params;
        return msg(
          str`${resourceName}: ${formatNumber(used)} used of ${formatNumber(included)} included, in blocks of ${formatNumber(blockSize)}`,
          { id: 'reason.overage_blocks' },
        );
      }
      default:
        return undefined;
    }
  }

  return { intervalText, reasonText };
}
