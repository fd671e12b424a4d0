package io.fidelis.core.classification;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.ApprovalRoute;
import io.fidelis.core.strategy.Benefit;
import io.fidelis.core.strategy.CreditLineAction;
import io.fidelis.core.strategy.Outreach;
import io.fidelis.core.strategy.RiskSignal;
import java.util.HashMap;
import java.util.Map;

/**
 * Every text in English and Chinese, keyed by enum constant. Templates take the reason's args as {@code {0}},
 * {@code {1}}, ... A test fails when a constant lacks a text in either language.
 */
final class Texts {

    /** A text in both languages. */
    record Pair(String english, String chinese) {
        String in(Language language) {
            return language == Language.CHINESE ? chinese : english;
        }
    }

    private static final Map<Enum<?>, Pair> TEXTS = new HashMap<>();

    private Texts() {}

    static Pair of(Enum<?> key) {
        return TEXTS.get(key);
    }

    private static void put(Enum<?> key, String english, String chinese) {
        if (TEXTS.put(key, new Pair(english, chinese)) != null) {
            throw new IllegalStateException("two texts for " + key);
        }
    }

    static {
        tiersAndStages();
        features();
        factorReasons();
        otherReasons();
        strategy();
        domain();
    }

    private static void tiersAndStages() {
        put(Tier.HIGH, "high loyalty", "高忠诚度");
        put(Tier.MEDIUM, "medium loyalty", "中忠诚度");
        put(Tier.LOW, "low loyalty", "低忠诚度");
        put(Stage.NEW, "new", "新客户");
        put(Stage.ACTIVE, "active", "活跃客户");
        put(Stage.DORMANT, "dormant", "沉睡客户");
        put(Stage.CHURNED, "churned", "流失客户");
    }

    private static void features() {
        put(FeatureId.TENURE_MONTHS, "relationship length", "合作时长");
        put(FeatureId.DAYS_SINCE_LAST_ACTIVITY, "days since last activity", "距最近一次往来天数");
        put(FeatureId.ACTIVITY_COUNT, "uses of services in the activity window", "活动期内使用服务次数");
        put(FeatureId.LOANS_STARTED, "loans taken", "累计贷款笔数");
        put(FeatureId.ACTIVE_LOANS, "loans held", "在贷笔数");
        put(FeatureId.PRODUCT_BREADTH, "distinct products", "使用产品种类");
        put(FeatureId.COMMITTED_AMOUNT, "committed amount", "授信金额");
        put(FeatureId.OUTSTANDING_AMOUNT, "outstanding amount", "未偿金额");
        put(FeatureId.INSTALLMENTS_DUE, "installments due", "到期期数");
        put(FeatureId.ON_TIME_RATE_BY_COUNT, "on-time repayment rate", "按期还款率");
        put(FeatureId.ON_TIME_RATE_BY_AMOUNT, "on-time repayment rate by amount", "按金额计按期还款率");
        put(FeatureId.CURRENT_DAYS_PAST_DUE, "current days past due", "当前逾期天数");
        put(FeatureId.MAX_DAYS_PAST_DUE, "longest delay", "最长逾期天数");
        put(FeatureId.DEFAULTS, "defaults", "违约笔数");
        put(FeatureId.RESTRUCTURINGS, "restructurings", "重组笔数");
        put(FeatureId.WRITE_OFFS, "write-offs", "核销笔数");
        put(FeatureId.COMPLAINTS, "complaints", "投诉次数");
        put(FeatureId.HIGH_SEVERITY_COMPLAINTS, "high-severity complaints", "严重投诉次数");
        put(FeatureId.OPEN_COMPLAINTS, "open complaints", "未解决投诉");
        put(FeatureId.ESCALATED_COMPLAINTS, "escalated complaints", "升级投诉次数");
        put(FeatureId.SURVEYS, "survey answers", "调查回复次数");
        put(FeatureId.SATISFACTION_LATEST, "latest satisfaction", "最近满意度");
        put(FeatureId.SATISFACTION_MEAN, "mean satisfaction", "平均满意度");
        put(FeatureId.SATISFACTION_TREND, "satisfaction trend", "满意度趋势");
        put(FeatureId.NPS_LATEST, "latest likelihood to recommend", "最近推荐意愿");
        put(FeatureId.NPS_MEAN, "mean likelihood to recommend", "平均推荐意愿");
        put(FeatureId.REFERRALS, "referrals made", "推荐客户次数");
        put(FeatureId.POSITIVE_REVIEWS, "positive reviews", "正面评价");
        put(FeatureId.NEGATIVE_REVIEWS, "negative reviews", "负面评价");
        put(FeatureId.PROGRAMME_ENROLLED, "loyalty programme member", "忠诚度计划会员");
        put(FeatureId.PROGRAMME_BENEFIT_USES, "programme benefits used", "使用会员权益次数");
        put(FeatureId.COMPETITOR_QUOTES, "competitor quotes", "竞争对手报价");
        put(FeatureId.RATE_NEGOTIATIONS, "rate negotiations", "利率议价次数");
        put(FeatureId.LOANS_PREPAID, "loans prepaid", "提前还款笔数");
        put(FeatureId.LOANS_REFINANCED_ELSEWHERE, "loans refinanced elsewhere", "转至他行再融资笔数");
        put(FeatureId.PRICE_SENSITIVITY_SIGNALS, "price-sensitivity signals", "价格敏感信号");
        put(FeatureId.STAYED_DESPITE_COMPETITOR_OFFER, "stayed despite competitor offer", "面对竞争报价仍留存");
        put(FeatureId.CLOSED, "relationship closed", "关系已终止");
        put(FeatureId.DAYS_SINCE_LAST_LOAN_END, "days since the last loan ended", "距最近一笔贷款结束天数");
        put(FeatureId.P_ALIVE, "probability still active (BG/NBD)", "仍活跃的概率（BG/NBD）");
        put(FeatureId.EXPECTED_ACTIVITY_26W, "expected activity in the next 26 weeks (BG/NBD)", "未来26周预期往来次数（BG/NBD）");
    }

    private static void factorReasons() {
        put(ReasonCode.SHORT_RELATIONSHIP, "Short relationship", "合作时间短");
        put(ReasonCode.LONG_RELATIONSHIP, "Long, stable relationship", "长期稳定合作");
        put(ReasonCode.RECENT_ACTIVITY, "Recent activity with the lender", "近期有业务往来");
        put(ReasonCode.NO_RECENT_ACTIVITY, "No recent activity with the lender", "近期无业务往来");
        put(ReasonCode.INFREQUENT_USE, "Uses the lender's services rarely", "较少使用本机构服务");
        put(ReasonCode.FREQUENT_USE, "Uses the lender's services frequently", "频繁使用本机构服务");
        put(ReasonCode.FEW_LOANS, "Few loans so far", "贷款笔数少");
        put(ReasonCode.REPEAT_BORROWER, "Borrows repeatedly", "多次借款");
        put(ReasonCode.FEW_PRODUCTS_HELD, "Holds few loans", "在贷笔数少");
        put(ReasonCode.SEVERAL_PRODUCTS_HELD, "Holds several loans", "同时持有多笔贷款");
        put(ReasonCode.NARROW_PRODUCT_USE, "Uses a narrow range of products", "使用产品单一");
        put(ReasonCode.BROAD_PRODUCT_USE, "Uses a broad range of products", "使用多种产品");
        put(ReasonCode.SMALL_COMMITMENT, "Small committed amount", "授信金额小");
        put(ReasonCode.LARGE_COMMITMENT, "Large committed amount", "授信金额大");
        put(ReasonCode.SMALL_OUTSTANDING, "Small outstanding amount", "未偿金额小");
        put(ReasonCode.LARGE_OUTSTANDING, "Large outstanding amount", "未偿金额大");
        put(ReasonCode.SHORT_REPAYMENT_RECORD, "Short repayment record", "还款记录短");
        put(ReasonCode.LONG_REPAYMENT_RECORD, "Long repayment record", "还款记录长");
        put(ReasonCode.LATE_PAYMENTS, "Late payments", "存在逾期还款");
        put(ReasonCode.ON_TIME_RATE_HIGH, "Repays on time", "按期还款率高");
        put(ReasonCode.LATE_PAYMENTS_BY_AMOUNT, "Much of the amount due was paid late", "较多应还金额逾期");
        put(ReasonCode.ON_TIME_AMOUNT_HIGH, "Almost all the amount due was paid on time", "应还金额基本按期偿还");
        put(ReasonCode.NO_CURRENT_ARREARS, "No current arrears", "当前无逾期");
        put(ReasonCode.IN_ARREARS, "Currently in arrears", "当前存在逾期");
        put(ReasonCode.NO_SERIOUS_DELAY, "No serious payment delay", "无严重逾期");
        put(ReasonCode.SERIOUS_DELAY, "Serious payment delay in the window", "观察期内有严重逾期");
        put(ReasonCode.NO_DEFAULTS, "No default", "无违约");
        put(ReasonCode.DEFAULTED, "Defaulted on a loan", "有贷款违约");
        put(ReasonCode.NO_RESTRUCTURING, "No restructuring", "无重组");
        put(ReasonCode.RESTRUCTURED, "A loan was restructured", "有贷款重组");
        put(ReasonCode.NO_WRITE_OFFS, "No write-off", "无核销");
        put(ReasonCode.WRITTEN_OFF, "A loan was written off", "有贷款核销");
        put(ReasonCode.FEW_COMPLAINTS, "Few or no complaints", "投诉少或无投诉");
        put(ReasonCode.COMPLAINTS_FILED, "Filed complaints", "有投诉记录");
        put(ReasonCode.NO_SEVERE_COMPLAINTS, "No high-severity complaint", "无严重投诉");
        put(ReasonCode.SEVERE_COMPLAINTS, "High-severity complaints", "有严重投诉");
        put(ReasonCode.NO_OPEN_COMPLAINTS, "No open complaint", "无未解决投诉");
        put(ReasonCode.OPEN_COMPLAINTS, "Open complaints", "有未解决投诉");
        put(ReasonCode.NO_ESCALATIONS, "No complaint escalated", "无升级投诉");
        put(ReasonCode.COMPLAINTS_ESCALATED, "Complaints escalated outside the lender", "投诉已升级至外部");
        put(ReasonCode.FEW_SURVEYS, "Few survey answers", "调查回复少");
        put(ReasonCode.SURVEYED_REGULARLY, "Answers surveys regularly", "定期参与满意度调查");
        put(ReasonCode.LOW_SATISFACTION_LATEST, "Low satisfaction in the latest survey", "最近一次满意度低");
        put(ReasonCode.HIGH_SATISFACTION_LATEST, "High satisfaction in the latest survey", "最近一次满意度高");
        put(ReasonCode.LOW_SATISFACTION, "Low satisfaction", "满意度低");
        put(ReasonCode.HIGH_SATISFACTION, "High satisfaction", "满意度高");
        put(ReasonCode.SATISFACTION_FALLING, "Satisfaction falling", "满意度下降");
        put(ReasonCode.SATISFACTION_RISING, "Satisfaction rising", "满意度上升");
        put(ReasonCode.DETRACTOR_LATEST, "Unlikely to recommend the lender (latest survey)", "最近一次调查推荐意愿低");
        put(ReasonCode.PROMOTER_LATEST, "Likely to recommend the lender (latest survey)", "最近一次调查推荐意愿高");
        put(ReasonCode.DETRACTOR, "Unlikely to recommend the lender", "推荐意愿低");
        put(ReasonCode.PROMOTER, "Recommends the lender", "愿意推荐本机构");
        put(ReasonCode.NO_REFERRALS, "No referrals", "无推荐客户");
        put(ReasonCode.REFERRALS_MADE, "Referred other customers", "推荐过其他客户");
        put(ReasonCode.NO_POSITIVE_REVIEWS, "No positive reviews", "无正面评价");
        put(ReasonCode.POSITIVE_REVIEWS, "Gave positive reviews", "给予正面评价");
        put(ReasonCode.NO_NEGATIVE_REVIEWS, "No negative reviews", "无负面评价");
        put(ReasonCode.NEGATIVE_REVIEWS, "Gave negative reviews", "给予负面评价");
        put(ReasonCode.NOT_IN_PROGRAMME, "Not in the loyalty programme", "未参加忠诚度计划");
        put(ReasonCode.PROGRAMME_ACTIVE, "Takes part in the loyalty programme", "参加忠诚度计划");
        put(ReasonCode.PROGRAMME_UNUSED, "Programme benefits not used", "未使用会员权益");
        put(ReasonCode.PROGRAMME_BENEFITS_USED, "Uses programme benefits", "使用会员权益");
        put(ReasonCode.NO_COMPETITOR_QUOTES, "No competitor quotes", "无竞争对手报价");
        put(ReasonCode.COMPETITOR_QUOTES, "Collects competitor quotes", "获取竞争对手报价");
        put(ReasonCode.NO_RATE_NEGOTIATIONS, "No rate negotiations", "无利率议价");
        put(ReasonCode.RATE_NEGOTIATIONS, "Negotiates rates", "进行利率议价");
        put(ReasonCode.NO_PREPAYMENTS, "No prepayments", "无提前还款");
        put(ReasonCode.PREPAYMENTS, "Prepaid loans", "有提前还款");
        put(ReasonCode.NO_REFINANCING_ELSEWHERE, "Refinanced nothing elsewhere", "未转至他行再融资");
        put(ReasonCode.REFINANCED_ELSEWHERE, "Refinanced loans elsewhere", "已转至他行再融资");
        put(ReasonCode.NOT_PRICE_SENSITIVE, "Not price sensitive", "对价格不敏感");
        put(ReasonCode.PRICE_SENSITIVE, "Price sensitive", "对价格敏感");
        put(ReasonCode.LEFT_AFTER_COMPETITOR_OFFER, "Did not stay after a competitor offer", "面对竞争报价未留存");
        put(ReasonCode.STAYED_DESPITE_COMPETITOR_OFFER, "Stayed despite competitor offers", "面对竞争报价仍选择本机构");
        put(ReasonCode.RELATIONSHIP_OPEN, "Relationship open", "合作关系存续");
        put(ReasonCode.RELATIONSHIP_CLOSED, "Relationship closed", "合作关系已终止");
        put(ReasonCode.RECENT_LOAN_END, "A loan ended recently", "近期有贷款结清");
        put(ReasonCode.LONG_SINCE_LAST_LOAN, "Long since the last loan", "距上一笔贷款已久");
    }

    private static void otherReasons() {
        put(
                ReasonCode.NOT_SCORED_NO_DATA,
                "Not scored for lack of data; its weight is spread over the other factors",
                "无数据，未计分；其权重分摊至其他因素");
        put(ReasonCode.NO_SCORED_DATA, "No scored feature has data: score unknown, tier {0}", "无可计分数据：评分未知，等级为{0}");
        put(
                ReasonCode.DEFAULT_IN_WINDOW_CAPS_LOW,
                "A default in the look-back window caps the tier at low loyalty",
                "观察期内发生违约，等级最高为低忠诚度");
        put(
                ReasonCode.WRITE_OFF_IN_WINDOW_CAPS_LOW,
                "A write-off in the look-back window caps the tier at low loyalty",
                "观察期内发生核销，等级最高为低忠诚度");
        put(
                ReasonCode.LEFT_FOR_COMPETITOR_CAPS_LOW,
                "Left for a competitor (closed as moved to a competitor, or every loan refinanced elsewhere or gone):"
                        + " the tier is at most low loyalty",
                "已转投竞争对手（以转投竞争对手为由终止合作，或贷款已全部转至他行或结清）：等级最高为低忠诚度");
        put(
                ReasonCode.INSUFFICIENT_EVIDENCE_CAPS_MEDIUM,
                "Too little evidence (fewer than {0} installments due and fewer than {1} survey answers): the tier is"
                        + " capped at medium loyalty",
                "证据不足（到期期数少于{0}且调查回复少于{1}次）：等级最高为中忠诚度");
        put(
                ReasonCode.TIER_HELD_BY_HYSTERESIS,
                "Tier kept at {0}: the score falls in {1} but within {2} points of the band edge",
                "等级保持为{0}：评分落入{1}区间，但距区间边界不足{2}分");
        put(
                ReasonCode.UPGRADE_PENDING,
                "Upgrade to {0} pending: the score must stay {2} points above the band edge for {1} consecutive"
                        + " monthly evaluations",
                "升级至{0}待确认：评分需连续{1}个月高于区间边界{2}分");
        put(
                ReasonCode.CREDIT_EVENT_DOWNGRADES_AT_ONCE,
                "Downgraded from {0} at once because of a credit-risk signal",
                "因信用风险信号立即从{0}降级");
        put(
                ReasonCode.TIER_OVERRIDDEN,
                "Tier set by hand from {0} to {1} by {2} until {3}: {4}",
                "等级由{2}人工调整：{0}改为{1}，有效期至{3}；原因：{4}");
        put(
                ReasonCode.STAGE_OVERRIDDEN,
                "Stage set by hand from {0} to {1} by {2} until {3}: {4}",
                "阶段由{2}人工调整：{0}改为{1}，有效期至{3}；原因：{4}");
        put(
                ReasonCode.CHURNED_FORMAL_CLOSURE,
                "Relationship formally closed on {0} (reason: {1})",
                "合作关系已于{0}正式终止（原因：{1}）");
        put(ReasonCode.CHURNED_DEFAULT_OR_WRITE_OFF, "No loan held and the last one ended as {0}", "无在贷，最近一笔贷款以{0}结束");
        put(
                ReasonCode.CHURNED_PREPAID_OR_REFINANCED_ELSEWHERE,
                "The last loan was {0} and nothing happened for {1} months or more",
                "最近一笔贷款{0}，此后{1}个月以上无往来");
        put(
                ReasonCode.CHURNED_MATURED_NOT_RENEWED,
                "All loans matured without renewal and nothing new for {0} months or more",
                "贷款全部到期未续作，{0}个月以上无新业务");
        put(
                ReasonCode.STAGE_NEW_RECENTLY_ONBOARDED,
                "Relationship started on {0}, within the last {1} months",
                "合作始于{0}，在最近{1}个月内");
        put(
                ReasonCode.STAGE_NEW_NOT_YET_STARTED,
                "Relationship starts on {0}, after the evaluation date",
                "合作始于{0}，晚于评估日");
        put(
                ReasonCode.STAGE_DORMANT_NO_RECENT_ACTIVITY,
                "No activity since {0}: {1} months or more",
                "自{0}起无往来，已达{1}个月以上");
        put(ReasonCode.STAGE_DORMANT_NO_ACTIVITY_RECORDED, "No activity recorded", "无任何往来记录");
        put(
                ReasonCode.STAGE_DORMANT_ACTIVITY_MODEL,
                "Dormant by the activity model: {0} below the policy's {1}",
                "活跃度模型判定沉睡：{0}低于政策阈值{1}");
        put(
                ReasonCode.CHURNED_ACTIVITY_MODEL,
                "Churned by the activity model: {0} below the policy's {1}",
                "活跃度模型判定流失：{0}低于政策阈值{1}");
        put(ReasonCode.STAGE_ACTIVE_RECENT_ACTIVITY, "Activity within the last {0} months", "最近{0}个月内有往来");
        put(ReasonCode.NO_LOAN_HELD, "No loan held; the last one ended as {0}", "目前无在贷，最近一笔贷款以{0}结束");
    }

    private static void strategy() {
        put(ApprovalRoute.PRIORITY, "priority approval", "优先审批");
        put(ApprovalRoute.STANDARD, "standard approval", "标准审批");
        put(ApprovalRoute.ENHANCED_REVIEW, "enhanced credit review", "加强信用审查");
        put(CreditLineAction.INCREASE, "increase the credit line", "提高授信额度");
        put(CreditLineAction.MAINTAIN, "maintain the credit line", "维持授信额度");
        put(CreditLineAction.REDUCE, "reduce the credit line", "压降授信额度");
        put(CreditLineAction.FREEZE, "freeze the credit line", "冻结授信额度");
        put(Outreach.FOLLOW_UP_VISIT, "regular follow-up visit", "定期回访");
        put(Outreach.MARKET_REPORT, "market analysis report", "市场分析报告");
        put(Outreach.PERSONALISED_PLAN, "personalised loan plan", "个性化贷款方案");
        put(Outreach.EXCLUSIVE_OFFER, "exclusive offer", "专属优惠");
        put(Outreach.PRIORITY_SERVICE, "priority service", "优先服务");
        put(Outreach.LOYALTY_PROGRAMME_INVITE, "loyalty programme invitation", "邀请加入忠诚度计划");
        put(Outreach.WELCOME_MEETING, "welcome meeting", "客户见面会");
        put(Outreach.LIMITED_TIME_OFFER, "limited-time offer", "限时优惠");
        put(Outreach.BRAND_EVENT, "brand event", "品牌活动");
        put(Outreach.REACTIVATION_CALL, "reactivation call", "唤醒回访");
        put(Outreach.NEEDS_ASSESSMENT, "needs assessment", "需求了解");
        put(Outreach.WIN_BACK_OFFER, "win-back offer", "挽回优惠");
        put(Outreach.COMPENSATION_REVIEW, "refund or compensation review", "退款或补偿评估");
        put(Outreach.EXIT_INTERVIEW, "exit interview", "流失原因访谈");
        put(Outreach.COMPLAINT_FOLLOW_UP, "complaint follow-up", "投诉跟进");
        put(Outreach.TIMELY_COMMUNICATION, "timely communication", "及时沟通");
        put(Outreach.RISK_REVIEW, "credit risk review", "信用风险审查");
        put(Outreach.BUSINESS_SCOPE_REVIEW, "review of the scope of business", "逐步调整业务范围");
        put(Benefit.PRICING_DISCOUNT, "preferential pricing", "优惠利率");
        put(Benefit.RATING_UPGRADE, "internal rating upgrade", "内部评级上调");
        put(Benefit.PRIORITY_APPROVAL, "priority approval", "优先审批");
        put(Benefit.CREDIT_LINE_INCREASE, "credit line increase", "提高授信额度");
        put(RiskSignal.ARREARS_ABOVE_LIMIT, "arrears above the limit", "逾期超过限额");
        put(RiskSignal.DEFAULT_IN_WINDOW, "a default in the window", "观察期内违约");
        put(RiskSignal.WRITE_OFF_IN_WINDOW, "a write-off in the window", "观察期内核销");
        put(RiskSignal.RESTRUCTURING_IN_WINDOW, "a restructuring in the window", "观察期内重组");
    }

    private static void domain() {
        put(LoanStatus.ACTIVE, "active", "正常");
        put(LoanStatus.REPAID, "repaid", "已结清");
        put(LoanStatus.PREPAID, "prepaid", "提前结清");
        put(LoanStatus.REFINANCED_ELSEWHERE, "refinanced elsewhere", "转至他行再融资");
        put(LoanStatus.RESTRUCTURED, "restructured", "已重组");
        put(LoanStatus.DEFAULTED, "defaulted", "违约");
        put(LoanStatus.WRITTEN_OFF, "written off", "核销");
        put(LoanStatus.CANCELLED, "cancelled", "已取消");
        put(CloseReason.MATURED, "matured", "到期");
        put(CloseReason.MOVED_TO_COMPETITOR, "moved to a competitor", "转投竞争对手");
        put(CloseReason.CLOSED_BY_CUSTOMER, "closed by the customer", "客户主动终止");
        put(CloseReason.CLOSED_BY_LENDER, "closed by the lender", "本机构终止");
        put(CloseReason.DEFAULT, "default", "违约");
        put(CloseReason.MERGED, "merged", "合并");
        put(CloseReason.OTHER, "other", "其他");
    }
}
