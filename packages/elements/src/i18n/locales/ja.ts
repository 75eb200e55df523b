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
  // bk-usage-meter
  'problem.amount_changed':
    '表示後に金額が変わりました。新しい金額を確認してから、もう一度確定してください。',
  'problem.overage_not_available': '現在のプランでは、これに従量課金はご利用いただけません。',
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
  // bk-usage-meter (usage 使用量, overage 超過利用, add-on block 追加ブロック, hard cap 上限固定)
  'usageMeter.heading': '使用量',
  'usageMeter.period': str`使用期間：${0}`,
  'usageMeter.resource.monitoring_requests': 'モニタリングリクエスト',
  'usageMeter.resource.mock_server_calls': 'モックサーバー呼び出し',
  'usageMeter.resource.api_calls': 'API 呼び出し',
  'usageMeter.resource.custom_domains': 'カスタムドメイン',
  'usageMeter.resource.integrations': '連携',
  'usageMeter.used': '使用済み',
  'usageMeter.included': '含まれる量',
  'usageMeter.overage': '超過',
  'usageMeter.cost': 'これまでの超過料金',
  'usageMeter.meter': str`${1}のうち${0}を使用（${2}）`,
  'usageMeter.fromPlan#other': str`プランの${0} + 追加ブロック${1}個`,
  'usageMeter.near': '上限間近',
  'usageMeter.reached': '上限に到達',
  'usageMeter.over': '含まれる量を超過',
  'usageMeter.crossedNear': str`${0}：含まれる量の${1}を使用しました。`,
  'usageMeter.crossedLimit': str`${0}：含まれる量をすべて使用しました。`,
  'usageMeter.billedAt': str`超過利用分は使用期間の終了時（${0}）に請求されます。`,
  'usageMeter.capped': str`${0}まで、含まれる量を超える利用はできません。`,
  'usageMeter.pace': str`このペースでは${0}に上限に達します。`,
  'usageMeter.paceWithin': 'このペースなら、今期は含まれる量の範囲内に収まります。',
  'usageMeter.hardCap': '常に含まれる量が上限です。従量課金はありません。',
  'usageMeter.allowOverage': '超過利用を許可',
  'usageMeter.overageOn': '含まれる量を超えた分は従量課金で請求されます。',
  'usageMeter.overageOff': '上限固定：含まれる量を超える利用はできません。',
  'usageMeter.capTitle': '超過利用をオフにしますか？',
  'usageMeter.capWarning':
    '上限を固定すると、含まれる量を超えるリクエストは拒否されます。それに依存するパイプライン、モニター、連携が停止するおそれがあります。',
  'usageMeter.capConfirm': '超過利用をオフにする',
  'usageMeter.capCancel': '超過利用をオンのままにする',
  'usageMeter.policyOn': str`${0}の超過利用をオンにしました。`,
  'usageMeter.policyOff': str`${0}の超過利用をオフにしました。含まれる量で利用が止まります。`,
  'usageMeter.buy': '追加購入',
  'usageMeter.blocksLabel': '追加するブロック数',
  'usageMeter.blockSize': str`1ブロックで${0}増えます。1〜${1}ブロック。`,
  'usageMeter.badBlocks': str`ブロック数は1〜${0}の整数で入力してください。`,
  'usageMeter.fewer': 'ブロックを1つ減らす',
  'usageMeter.more': 'ブロックを1つ増やす',
  'usageMeter.confirmBuy#other': str`${0}ブロックを購入`,
  'usageMeter.cancel': 'キャンセル',
  'usageMeter.bought': str`完了しました。${0}の含まれる量は${1}になりました。`,
  'usageMeter.breakdown': '利用元ごとの使用量',
  'usageMeter.noConsumers': '今期の利用はありません。',
  'usageMeter.share': str`${0}（${1}）`,
  'usageMeter.empty': 'このプランに従量制の項目はありません。',
  'usageMeter.notAllowed':
    '超過利用の設定変更やブロックの購入ができるのは、管理者と請求管理者のみです。',
};
