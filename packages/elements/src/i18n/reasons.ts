/**
 * Why a quote or invoice line exists, in the active locale: one text per `LineReason` code,
 * worded from its `params` (never from the line's English `description`). A pure function of
 * the reason, shared by every element that shows lines (through `lineText` and `quoteLines`).
 * Counts and day ranges are fragments of their own (one plural set each) placed into the
 * code's template, so each language orders them as it needs. The period a line covers is
 * not repeated here: `quoteLines` shows it beside the text.
 *
 * Names (`planName`, `addOnName`, `resourceName`) are the catalog's, rendered as text.
 */

import type { LineReason } from '@billkit/sdk';
import { msg, str } from '@lit/localize';
import { formatDate, formatNumber } from './format.js';
import { plural } from './messages.js';

const seats = (n: number) =>
  plural(n, {
    one: () => msg(str`${formatNumber(n)} seat`, { id: 'reasonPart.seats#one' }),
    other: () => msg(str`${formatNumber(n)} seats`, { id: 'reasonPart.seats#other' }),
  });

const members = (n: number) =>
  plural(n, {
    one: () => msg(str`${formatNumber(n)} member`, { id: 'reasonPart.members#one' }),
    other: () => msg(str`${formatNumber(n)} members`, { id: 'reasonPart.members#other' }),
  });

const extraMembers = (n: number) =>
  plural(n, {
    one: () => msg(str`${formatNumber(n)} extra member`, { id: 'reasonPart.extraMembers#one' }),
    other: () =>
      msg(str`${formatNumber(n)} extra members`, { id: 'reasonPart.extraMembers#other' }),
  });

/** `24 of 30 days`: the part of a period a prorated line covers. */
const days = (remaining: number, total: number) =>
  plural(total, {
    one: () =>
      msg(str`${formatNumber(remaining)} of ${formatNumber(total)} day`, {
        id: 'reasonPart.days#one',
      }),
    other: () =>
      msg(str`${formatNumber(remaining)} of ${formatNumber(total)} days`, {
        id: 'reasonPart.days#other',
      }),
  });

const interval = (value: 'month' | 'year') =>
  value === 'year'
    ? msg('annual', { id: 'reasonPart.annual' })
    : msg('monthly', { id: 'reasonPart.monthly' });

const planTerm = (plan: string, every: 'month' | 'year', count: string) =>
  msg(str`${plan} (${interval(every)}), ${count}`, { id: 'reason.planTerm' });

/** The localized text of a line's reason; undefined for a code this version does not know. */
export function reasonText(reason: LineReason): string | undefined {
  switch (reason.code) {
    case 'plan_period':
    case 'upgrade_full_period': {
      const p = reason.params;
      return planTerm(p.planName, p.interval, seats(p.seats));
    }
    case 'plan_period_members': {
      const p = reason.params;
      return planTerm(p.planName, p.interval, members(p.members));
    }
    case 'members_above_seats': {
      const p = reason.params;
      return msg(str`${members(p.extraMembers)} above the scheduled ${seats(p.seats)}`, {
        id: 'reason.members_above_seats',
      });
    }
    case 'auto_flex_extra_seats': {
      const p = reason.params;
      return msg(
        str`Auto-flex: ${members(p.extraMembers)} above ${seats(p.seats)} become purchased seats`,
        { id: 'reason.auto_flex_extra_seats' },
      );
    }
    case 'auto_flex_co_termed': {
      const p = reason.params;
      return msg(
        str`Auto-flex: ${extraMembers(p.extraMembers)} kept on ${formatDate(p.keptOn)}, for ${days(p.daysRemaining, p.daysInPeriod)}`,
        { id: 'reason.auto_flex_co_termed' },
      );
    }
    case 'add_on_period': {
      const p = reason.params;
      return msg(str`${p.addOnName} × ${formatNumber(p.blocks)}`, { id: 'reason.add_on_period' });
    }
    case 'true_up_member_added': {
      const p = reason.params;
      return msg(
        str`True-up: ${members(p.members)} added on ${formatDate(p.joinedOn)}, for ${days(p.daysRemaining, p.daysInPeriod)}`,
        { id: 'reason.true_up_member_added' },
      );
    }
    case 'upgrade_proration': {
      const p = reason.params;
      return msg(
        str`Upgrade ${p.fromPlanName} → ${p.toPlanName}: the price difference for the remaining ${days(p.daysRemaining, p.daysInPeriod)}, ${seats(p.seats)}`,
        { id: 'reason.upgrade_proration' },
      );
    }
    case 'seats_added_prorated': {
      const p = reason.params;
      return msg(
        str`${seats(p.seats)} added for the remaining ${days(p.daysRemaining, p.daysInPeriod)}`,
        { id: 'reason.seats_added_prorated' },
      );
    }
    case 'add_on_added_prorated': {
      const p = reason.params;
      return msg(
        str`${p.addOnName} × ${formatNumber(p.blocks)} added for the remaining ${days(p.daysRemaining, p.daysInPeriod)}`,
        { id: 'reason.add_on_added_prorated' },
      );
    }
    case 'unused_time_credit': {
      const p = reason.params;
      return msg(
        str`Unused ${days(p.daysRemaining, p.daysInPeriod)} of ${p.planName} (${interval(p.interval)}), ${seats(p.seats)}`,
        { id: 'reason.unused_time_credit' },
      );
    }
    case 'unused_add_on_credit': {
      const p = reason.params;
      return msg(
        str`Unused ${days(p.daysRemaining, p.daysInPeriod)} of ${p.addOnName} × ${formatNumber(p.blocks)}`,
        { id: 'reason.unused_add_on_credit' },
      );
    }
    case 'overage_blocks': {
      const p = reason.params;
      return msg(
        str`${p.resourceName}: ${formatNumber(p.used)} used, ${formatNumber(p.included)} included; ${formatNumber(p.blocks)} × ${formatNumber(p.blockSize)} over`,
        { id: 'reason.overage_blocks' },
      );
    }
  }
  return undefined;
}
