package io.fidelis.core.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.features.Evidence;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.ApprovalRoute;
import io.fidelis.core.strategy.Benefit;
import io.fidelis.core.strategy.Conflict;
import io.fidelis.core.strategy.CreditLineAction;
import io.fidelis.core.strategy.Outreach;
import io.fidelis.core.strategy.RiskSignal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static Stream<Enum<?>> everyRenderedConstant() {
        return Stream.of(
                        ReasonCode.values(),
                        FeatureId.values(),
                        Tier.values(),
                        Stage.values(),
                        Outreach.values(),
                        ApprovalRoute.values(),
                        CreditLineAction.values(),
                        Benefit.values(),
                        RiskSignal.values(),
                        LoanStatus.values(),
                        CloseReason.values())
                .flatMap(Stream::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRenderedConstant")
    void everyCodeHasATextInEnglishAndInChinese(Enum<?> constant) {
        String english = Messages.label(constant, Language.ENGLISH);
        String chinese = Messages.label(constant, Language.CHINESE);

        assertThat(english).isNotBlank().doesNotMatch(".*\\p{IsHan}.*");
        assertThat(chinese).isNotBlank();
        assertThat(HAN.matcher(chinese).find())
                .as("Chinese text of " + constant)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasonCodes")
    void bothLanguagesOfAReasonUseTheSamePlaceholders(ReasonCode code) {
        assertThat(placeholders(Messages.template(code, Language.CHINESE)))
                .isEqualTo(placeholders(Messages.template(code, Language.ENGLISH)));
    }

    static Stream<ReasonCode> reasonCodes() {
        return Stream.of(ReasonCode.values());
    }

    private static Set<String> placeholders(String template) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    @Test
    void aReasonRendersWithItsEvidenceInBothLanguages() {
        Reason reason = new Reason(
                ReasonCode.ON_TIME_RATE_HIGH,
                Effect.POSITIVE,
                List.of(
                        new Evidence(FeatureId.ON_TIME_RATE_BY_COUNT, FeatureValue.of(0.9583)),
                        new Evidence(FeatureId.INSTALLMENTS_DUE, FeatureValue.of(24))),
                List.of());

        assertThat(Messages.reason(reason, Language.ENGLISH))
                .isEqualTo("Repays on time (on-time repayment rate: 95.8%; installments due: 24)");
        assertThat(Messages.reason(reason, Language.CHINESE)).isEqualTo("按期还款率高（按期还款率：95.8%；到期期数：24）");
    }

    @Test
    void argsAreRenderedInTheLanguageToo() {
        Reason reason = new Reason(
                ReasonCode.INSUFFICIENT_EVIDENCE_CAPS_MEDIUM,
                Effect.NEGATIVE,
                List.of(new Evidence(FeatureId.SURVEYS, FeatureValue.of(0))),
                List.of(6, 1));
        Reason closed = new Reason(
                ReasonCode.CHURNED_FORMAL_CLOSURE,
                Effect.NEUTRAL,
                List.of(),
                List.of(java.time.LocalDate.parse("2024-03-01"), CloseReason.MOVED_TO_COMPETITOR));

        assertThat(Messages.reason(reason, Language.ENGLISH))
                .startsWith("Too little evidence (fewer than 6 installments due and fewer than 1 survey answers)");
        assertThat(Messages.reason(closed, Language.CHINESE)).isEqualTo("合作关系已于2024-03-01正式终止（原因：转投竞争对手）");
        assertThat(Messages.reason(closed, Language.ENGLISH))
                .isEqualTo("Relationship formally closed on 2024-03-01 (reason: moved to a competitor)");
    }

    @Test
    void missingValuesReadAsUnknown() {
        assertThat(Messages.value(FeatureId.SATISFACTION_MEAN, FeatureValue.missing(), Language.ENGLISH))
                .isEqualTo("unknown");
        assertThat(Messages.value(FeatureId.SATISFACTION_MEAN, FeatureValue.missing(), Language.CHINESE))
                .isEqualTo("未知");
        assertThat(Messages.value(FeatureId.SATISFACTION_MEAN, FeatureValue.of(4.25), Language.ENGLISH))
                .isEqualTo("4.3/5");
        assertThat(Messages.value(FeatureId.COMMITTED_AMOUNT, FeatureValue.of(1234567.5), Language.ENGLISH))
                .isEqualTo("1,234,567.50");
    }

    @Test
    void conflictsAndActionsRender() {
        Conflict conflict = new Conflict(
                Benefit.PRIORITY_APPROVAL,
                List.of(RiskSignal.ARREARS_ABOVE_LIMIT),
                List.of(new Evidence(FeatureId.CURRENT_DAYS_PAST_DUE, FeatureValue.of(45))));
        Actions actions = new Actions(
                -25,
                1,
                ApprovalRoute.PRIORITY,
                CreditLineAction.INCREASE,
                List.of(Outreach.PERSONALISED_PLAN, Outreach.MARKET_REPORT));

        assertThat(Messages.conflict(conflict, Language.ENGLISH))
                .isEqualTo("Withheld: priority approval, because of arrears above the limit"
                        + " (current days past due: 45 days)");
        assertThat(Messages.conflict(conflict, Language.CHINESE)).isEqualTo("已暂停优先审批，原因：逾期超过限额（当前逾期天数：45天）");
        assertThat(Messages.actions(actions, Language.ENGLISH))
                .isEqualTo("pricing -25 bps; rating +1; priority approval; increase the credit line;"
                        + " outreach: personalised loan plan, market analysis report");
        assertThat(Messages.actions(actions, Language.CHINESE))
                .contains("利率调整 -25 基点")
                .contains("个性化贷款方案、市场分析报告");
    }
}
