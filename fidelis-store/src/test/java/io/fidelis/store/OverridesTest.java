package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class OverridesTest {

    @Parameter
    StoreKind kind;

    private StoreFixture fixture;

    private static final Instant NOW = Instant.parse("2026-10-01T09:30:00Z");

    @TempDir
    Path temp;

    private Store book;
    private Overrides overrides;

    @BeforeEach
    void open() {
        fixture = kind.newFixture();
        book = fixture.open(temp.resolve("workspace"));
        overrides = book.overrides();
    }

    @AfterEach
    void close() {
        if (book != null) {
            book.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static ManualOverride tier(String customer, Tier tier, String from, String expires) {
        return new ManualOverride(
                customer,
                tier,
                null,
                "credit committee",
                "Wang Fang",
                from == null ? null : LocalDate.parse(from),
                LocalDate.parse(expires));
    }

    @Test
    void recordedOverridesComeBackInTheOrderRecorded() {
        ManualOverride first = tier("C2", Tier.LOW, null, "2027-01-01");
        ManualOverride second = new ManualOverride(
                "C1",
                null,
                Stage.DORMANT,
                "site visit found no activity",
                "李明",
                LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-12-01"));

        RecordedOverride one = overrides.record(first, NOW);
        RecordedOverride two = overrides.record(second, NOW.plusSeconds(60));

        assertThat(two.overrideId()).isGreaterThan(one.overrideId());
        assertThat(overrides.all()).containsExactly(one, two);
        assertThat(overrides.of("C1")).containsExactly(second);
        assertThat(overrides.of("C3")).isEmpty();
    }

    @ParameterizedTest(name = "from {0} until {1}: in force on {2} is {3}")
    @CsvSource({
        ", 2026-12-31, 2026-09-30, true",
        ", 2026-12-31, 2026-12-30, true",
        ", 2026-12-31, 2026-12-31, false", // expires is exclusive
        "2026-10-01, 2026-12-31, 2026-09-30, false",
        "2026-10-01, 2026-12-31, 2026-10-01, true", // from is inclusive
    })
    void inForceFollowsTheOverridesDates(String from, String expires, LocalDate asOf, boolean inForce) {
        overrides.record(tier("C1", Tier.HIGH, from, expires), NOW);

        assertThat(overrides.inForce(asOf).containsKey("C1")).isEqualTo(inForce);
    }

    @Test
    void severalOverridesOfACustomerInForceKeepTheirOrder() {
        ManualOverride older = tier("C1", Tier.HIGH, null, "2027-01-01");
        ManualOverride newer = tier("C1", Tier.LOW, null, "2027-01-01");
        overrides.record(older, NOW);
        overrides.record(tier("C2", Tier.MEDIUM, null, "2026-01-01"), NOW);
        overrides.record(newer, NOW);

        assertThat(overrides.inForce(LocalDate.parse("2026-09-30")))
                .containsOnlyKeys("C1")
                .containsEntry("C1", List.of(older, newer));
    }

    @Test
    void overridesOutliveTheConnection() {
        ManualOverride override = tier("C1", Tier.HIGH, null, "2027-01-01");
        overrides.record(override, NOW);
        book.close();

        book = fixture.open(temp.resolve("workspace"));

        assertThat(book.overrides().of("C1")).containsExactly(override);
    }

    @Test
    void inForceIsTheCoresRuleOverEveryOverrideRecorded() {
        overrides.record(tier("C1", Tier.HIGH, null, "2026-09-30"), NOW);
        overrides.record(tier("C2", Tier.LOW, "2026-09-30", "2026-10-01"), NOW);
        overrides.record(tier("C3", Tier.LOW, "2026-10-01", "2027-01-01"), NOW);
        overrides.record(tier("C2", Tier.MEDIUM, null, "2027-01-01"), NOW);
        List<ManualOverride> all =
                overrides.all().stream().map(RecordedOverride::override).toList();

        for (String asOf : List.of("2026-09-29", "2026-09-30", "2026-10-01", "2026-12-31", "2027-01-01")) {
            LocalDate date = LocalDate.parse(asOf);
            assertThat(overrides.inForce(date)).as(asOf).isEqualTo(ManualOverride.inForce(all, date));
        }
    }
}
