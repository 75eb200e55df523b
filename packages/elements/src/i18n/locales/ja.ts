/**
 * 日本語 (ja): every id of `../messages.ts`. `${n}` is the n-th value of the English template
 * (values may move). Plural ids: Japanese has one form, so only `#other`.
 * Terms: seat シート, member メンバー, admin 管理者, billing manager 請求管理者, visitor ビジター,
 * auto-flex オートフレックス, true-up 差額精算, proration 日割り精算, credit クレジット,
 * renewal 更新, seat order シート契約, invoice 請求書.
 */
import { str, type TemplateMap } from '@lit/localize';

export const templates: TemplateMap = {
  'common.loading': '読み込み中…',
  'common.retry': '再試行',
  'common.working': '処理中…',

  'problem.network': '請求サービスに接続できません。接続を確認して、もう一度お試しください。',
  'problem.timeout': '請求サービスの応答に時間がかかっています。もう一度お試しください。',
  'problem.unauthorized':
    'セッションの有効期限が切れました。請求を管理するには、もう一度サインインしてください。',
  'problem.forbidden': 'この操作を行う権限がありません。チームの管理者にお問い合わせください。',
  'problem.team_not_found': 'このチームが見つかりません。',
  'problem.version_conflict':
    'その間にご契約内容が変更されました。更新後の金額を確認してから、もう一度確定してください。',
  'problem.payment_failed':
    'お支払いが承認されませんでした。お支払い方法を更新してから、もう一度お試しください。',
  'problem.no_payment_method': '有料の変更を行う前に、お支払い方法を追加してください。',
  'problem.precondition_required':
    '最新のご契約情報が必要です。再読み込みしてから、もう一度お試しください。',
  'problem.amount_changed':
    '表示後に金額が変わったため、請求は行われていません。新しい金額を確認してから、もう一度確定してください。',
  'problem.idempotency_key_reused':
    'このリクエストは別の内容ですでに送信されています。もう一度お試しください。',
  'problem.rate_limited': 'リクエストが多すぎます。少し待ってから、もう一度お試しください。',
  'problem.service_unavailable':
    '請求サービスは現在ご利用いただけません。しばらくしてから、もう一度お試しください。',
  'problem.internal_error': 'こちら側で問題が発生しました。もう一度お試しください。',
  'problem.validation_failed': '正しくない値があります。示された項目を確認してください。',
  'problem.malformed_request':
    'リクエストを読み取れませんでした。再読み込みしてから、もう一度お試しください。',
  'problem.seats_below_members':
    'メンバー数より少なくはできません。先にメンバーを削除してください。',
  'problem.seats_follow_members':
    'このチームはメンバー数に応じて請求されます。シート数ではなく、メンバーを追加または削除してください。',
  'problem.maximum': '値が大きすぎます。',
  'problem.minimum': '値が小さすぎます。',
  'problem.type': '整数を入力してください。',
  'problem.unknown': str`問題が発生しました（${0}）。もう一度お試しください。`,

  'restriction.seat_decrease_at_renewal': 'シートの削減は更新時に適用されます。',
  'restriction.annual_to_monthly_at_renewal':
    '年払いから月払いへの切り替えは、年間契約の終了時に適用されます。',
  'restriction.downgrade_at_renewal':
    'ダウングレードは更新時に適用されます。それまでは現在のプランをご利用いただけます。',
  'restriction.seats_below_members':
    'シート数はメンバー数より少なくできません。先にメンバーを削除してください。',
  'restriction.seat_order_locked':
    'シート契約の期間中はシートを減らせません。更新分として少ないシート数をご注文ください。',
  'restriction.contact_sales': 'このプランは営業担当を通じてご提供しています。',

  'notice.deactivated':
    'チームは無効化されています。未払いの請求書をお支払いいただくと再開できます。データは保持されています。',
  'notice.payment_failed#other': str`お支払いが${0}回失敗しました。未払いの請求書をお支払いいただかないと、${1}にチームが無効化されます。`,
  'notice.grace_period': str`お支払いが期限を過ぎています。未払いの請求書をお支払いいただかないと、${0}にチームが無効化されます。`,
  'notice.seat_order_expiring#other': str`${0}シートのシート契約は${1}に終了します。`,
  'notice.trial_ending': str`トライアルは${0}に終了し、その後プランの料金が自動的に請求されます。`,
  'notice.auto_flex_billing_soon#other': str`追加メンバー${0}人が${1}の時点でチームに在籍している場合、その分が請求されます。`,
  'notice.usage_capped': str`${0}が含まれる上限の${1}に達しました。${2}まで、これ以上は利用できません。`,
  'notice.usage_near_limit': str`${0}：含まれる${2}のうち${1}を使用しました。`,
  'notice.scheduled_change.cancel': str`ご契約は${0}に終了し、その後チームはフリープランに移行します。`,
  'notice.scheduled_change.downgrade': str`ダウングレードは${0}に適用されます。`,
  'notice.scheduled_change.interval_change': str`お支払いサイクルは${0}に変更されます。`,
  'notice.scheduled_change': str`予定されている変更は${0}に適用されます。`,

  'quote.heading': '変更にかかる費用',
  'quote.calculating': '金額を計算しています…',
  'quote.quantity': str`${0} × ${1}`,
  'quote.dueNow': '今回のお支払い',
  'quote.thenRenewal': str`その後、${1}の更新時に${0}をお支払いいただきます。`,

  'lineKind.plan': 'プラン',
  'lineKind.seats': 'シート',
  'lineKind.proration': '日割り精算',
  'lineKind.credit': 'クレジット',
  'lineKind.auto_flex': 'オートフレックスのシート',
  'lineKind.overage': '超過料金',
  'lineKind.add_on': 'アドオン',
  'lineKind.true_up': '差額精算',

  'roleCount.admin#other': str`管理者 ${0}人`,
  'roleCount.billing#other': str`請求管理者 ${0}人`,
  'roleCount.member#other': str`メンバー ${0}人`,
  'roleCount.visitor#other': str`ビジター ${0}人`,

  'seatCounter.heading': 'シート',
  'seatCounter.purchased': '購入済み',
  'seatCounter.inUse': '使用中',
  'seatCounter.autoFlexExtra': 'オートフレックス追加分',
  'seatCounter.roles': str`${0}。ビジターを含め、すべてのメンバーが1シートを使用します。`,
  'seatCounter.autoFlexPending#other': str`オートフレックスによる追加メンバーは${0}人です。${2}に${1}が請求されます。`,
  'seatCounter.fieldLabel': '変更後のシート数',
  'seatCounter.decrement': 'シートを1つ減らす',
  'seatCounter.increment': 'シートを1つ増やす',
  'seatCounter.bounds': str`${0}（使用中のメンバー数）から${1}まで。`,
  'seatCounter.belowMembers#other': str`${0}シート以上が必要です。メンバー全員に1シートずつ必要です。`,
  'seatCounter.aboveMax': str`最大${0}シートまでです。それ以上は営業担当にお問い合わせください。`,
  'seatCounter.abovePlanMax': str`このプランのシート数は最大${0}です。さらに必要な場合はアップグレードしてください。`,
  'seatCounter.notWhole': 'シート数は整数で入力してください。',
  'seatCounter.prorateRule': str`追加したシートは、期間の残り日数分を今すぐ請求します。シートの削減は${0}の更新時に適用され、それまでは現在のシートをご利用いただけます。`,
  'seatCounter.seatOrderRule#other': str`${0}シートのシート契約は${1}まで有効です。追加したシートは契約の残り期間分を今すぐ請求します。シートの削減は契約の更新時に適用されます。`,
  'seatCounter.termCreditIntro':
    'このチームは、一定のシート数ではなくメンバー数に応じて請求されます。',
  'seatCounter.trueUpRule':
    '新しく参加したメンバーは、次回の月次見直しで期間の残り日数に応じて差額精算されます。',
  'seatCounter.creditRule':
    'メンバーが退出すると、未使用日数分がチームのクレジット残高に加算され、次回以降の請求に充当されます。',
  'seatCounter.nextInvoice': str`次回の請求（${0}）：${1}`,
  'seatCounter.creditBalance': str`クレジット残高：${0}`,
  'seatCounter.scheduledPreview#other': str`${0}からチームのシート数は${1}になり、更新料金は${2}です。今回のお支払いはありません。`,
  'seatCounter.add#other': str`${0}シートを追加`,
  'seatCounter.removeAtRenewal#other': str`更新時に${0}シートを削減`,
  'seatCounter.reset': 'リセット',
  'seatCounter.applied#other': str`完了しました。チームのシート数は${0}になりました。`,
  'seatCounter.scheduled#other': str`予約済み：${1}からシート数は${0}になります。`,
  'seatCounter.notAllowed': 'シート数を変更できるのは管理者と請求管理者のみです。',

  // ---- shared line reasons (src/i18n/reasons.ts) ----
  'interval.month': '月払い',
  'interval.year': '年払い',
  'reason.daysOf#other': str`${1}日中${0}日分`,
  'reason.plan_period': str`${0}（${1}）`,
  'reason.plan_period_members': str`${0}（${1}）、メンバー単位の請求`,
  'reason.members_above_seats': str`予定の${0}シートを超えるメンバー`,
  'reason.auto_flex_extra_seats': str`${0}シートを超えるオートフレックスのメンバー（購入済みシートに移行）`,
  'reason.auto_flex_co_termed': str`${0}時点で在籍するオートフレックスのメンバー、${1}`,
  'reason.true_up_member_added': str`${0}に参加したメンバーの差額精算、${1}`,
  'reason.upgrade_proration': str`アップグレード ${0} → ${1}：残り${2}の差額`,
  'reason.upgrade_full_period': str`${0}（${1}）、本日から1期間分`,
  'reason.seats_added_prorated': str`追加したシートの残り${0}`,
  'reason.add_on_added_prorated': str`${0}の追加、残り${1}`,
  'reason.unused_time_credit': str`${1}（${2}）の未使用分：${0}`,
  'reason.unused_add_on_credit': str`${1}の未使用分：${0}`,
  'reason.overage_blocks': str`${0}：含まれる${2}のうち${1}を使用、${3}単位で超過`,

  // ---- bk-plan-picker ----
  'planPicker.heading': 'プラン',
  'planPicker.intervalLabel': 'お支払いサイクル',
  'planPicker.monthly': '月払い',
  'planPicker.annual': '年払い',
  'planPicker.annualSaving': str`最大${0}%お得`,
  'planPicker.perSeatMonth': str`1シートあたり ${0} / 月`,
  'planPicker.perSeatYear': str`1シートあたり ${0} / 年`,
  'planPicker.teamTotal#other': str`${1}シート分で ${0}`,
  'planPicker.memberLimit#other': str`メンバー${0}人まで`,
  'planPicker.customPricing': '個別見積もり',
  'planPicker.current': '現在のプラン',
  'planPicker.choose': str`${0}を選択`,
  'planPicker.switchToMonthly': '月払いに切り替える',
  'planPicker.switchToAnnual': '年払いに切り替える',
  'planPicker.contactSales': '営業担当に問い合わせる',
  'planPicker.notAllowed': 'プランを変更できるのは管理者と請求管理者のみです。',
  'planPicker.reviewHeading': str`確認：${0}、${1}`,
  'planPicker.effective': str`${0}に適用されます。`,
  'planPicker.creditApplied': 'クレジット充当',
  'planPicker.atRenewal': str`今回のお支払いはありません。変更は${0}の更新時に適用されます。`,
  'planPicker.offerAtRenewal': '更新時に変更する',
  'planPicker.confirmPay': str`確定して${0}を支払う`,
  'planPicker.confirm': '変更を確定',
  'planPicker.schedule': str`${0}に予約する`,
  'planPicker.cancel': 'キャンセル',
  'planPicker.changed': str`完了しました。チームのプランは${0}（${1}）になりました。`,
  'planPicker.scheduled': str`予約済み：${2}から${0}（${1}）になります。`,
  // bk-auto-flex-banner
  'problem.terms_version_outdated':
    'オートフレックスの利用規約が改定されました。新しい版をお読みのうえ、同意してください。',
  'problem.auto_flex_not_available':
    'このチームの請求方式では、オートフレックスをご利用いただけません。',
  'autoFlexBanner.pendingHeading#other': str`オートフレックスによる追加メンバー：${0}人`,
  'autoFlexBanner.pending':
    'シート数を超えるメンバーは請求日まで無料です。その時点でチームに在籍しているメンバーのみ請求されます。それまでに削除すれば、料金はかかりません。',
  'autoFlexBanner.soonHeading': 'まもなくオートフレックスの請求があります',
  'autoFlexBanner.extraMembers': '追加メンバー',
  'autoFlexBanner.amount': '請求予定額',
  'autoFlexBanner.billingDate': '請求日',
  'autoFlexBanner.remindOn': str`請求管理者と管理者には${0}にお知らせします。`,
  'autoFlexBanner.notifiedOn': str`請求管理者と管理者には${0}にお知らせしました。`,
  'autoFlexBanner.offerHeading': 'シートを先に購入せずにチームを拡大',
  'autoFlexBanner.offer':
    'オートフレックスを有効にすると、管理者はシート数を超えてメンバーを追加できます。追加したメンバーはサイクルの次の請求日まで無料で、その時点で在籍しているメンバーのみ請求されます。',
  'autoFlexBanner.accept': str`オートフレックスの利用規約（版 ${0}）に同意します。`,
  'autoFlexBanner.acceptRequired': 'オートフレックスを有効にするには、利用規約に同意してください。',
  'autoFlexBanner.enable': 'オートフレックスを有効にする',
  'autoFlexBanner.enabledHeading': 'オートフレックスが有効になりました',
  'autoFlexBanner.enabled':
    '管理者はシート数を超えてメンバーを追加できるようになりました。追加メンバーとその料金は、請求の前にここに表示されます。',
  'autoFlexBanner.dismiss': '次の請求サイクルまで非表示にする',

  // ---- bk-invoice-list ----
  'invoiceList.heading': '請求書',
  'invoiceList.number': '請求書番号',
  'invoiceList.status': 'ステータス',
  'invoiceList.issued': '発行日',
  'invoiceList.due': '支払期日',
  'invoiceList.total': '合計',
  'invoiceList.creditApplied': '適用済みクレジット',
  'invoiceList.amountDue': 'お支払い金額',
  'invoiceList.actions': '操作',
  'invoiceList.draft': '下書き',
  'invoiceList.open': '未払い',
  'invoiceList.pastDue': '支払期限超過',
  'invoiceList.paid': '支払い済み',
  'invoiceList.void': '無効',
  'invoiceList.uncollectible': '回収不能',
  'invoiceList.billedTo': str`請求先：${0}`,
  'invoiceList.paidOn': str`${0}にお支払い済み`,
  'invoiceList.download': 'ダウンロード',
  'invoiceList.downloadLabel': str`請求書 ${0} をダウンロード`,
  'invoiceList.pay': '今すぐ支払う',
  'invoiceList.payLabel': str`今すぐ支払う：請求書 ${1}、${0}`,
  'invoiceList.payDone': str`請求書 ${0} のお支払いが完了しました。`,
  'invoiceList.loadMore': 'さらに読み込む',
  'invoiceList.shown#other': str`${0}件の請求書を表示中`,
  'invoiceList.empty': '請求書はまだありません',
  'invoiceList.emptyHint': 'チームへの請求が発生すると、ここに請求書が表示されます。',
  'invoiceList.notAllowed': '請求書を閲覧できるのは管理者と請求管理者のみです。',
};
