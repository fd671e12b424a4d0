package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.domain.Channel;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked examples of the forms a cell may take: lenient about form, strict about meaning. */
class AcceptedFormsTest {

    private static Cell cell(String text) {
        return new Cell().set(text.toCharArray(), 0, text.length());
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-09-01          | 2026-09-01
            2026/09/01          | 2026-09-01
            20260901            | 2026-09-01
            2026/9/1            | 2026-09-01
            2026-9-01           | 2026-09-01
            2024-02-29          | 2024-02-29
            2000-02-29          | 2000-02-29
            2026-09-01 00:00:00 | 2026-09-01
            2026-09-01 17:45    | 2026-09-01
            2026/9/1 0:00       | 2026-09-01
            2026-09-01T08:30:00.000 | 2026-09-01
            """)
    void acceptedDateForms(String text, LocalDate expected) throws BadCell {
        assertThat(CellForms.parseDate(cell(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is not a date")
    @CsvSource({
        "2026-02-29",
        "1900-02-29",
        "2026-04-31",
        "2026-00-10",
        "2026-01-00",
        "2026-09/01",
        "2026/09-01",
        "202609011",
        "2026091",
        "26-09-01",
        "01.09.2026",
        "2026-09-01Z",
        "2026-09-01 24:00",
        "2026-09-01 12:60",
        "2026-09-01T12:00+08:00",
        "2026年9月1日"
    })
    void refusedDateForms(String text) {
        assertThatThrownBy(() -> CellForms.parseDate(cell(text)))
                .isInstanceOfSatisfying(
                        BadCell.class, bad -> assertThat(bad.rule()).isEqualTo("date.format"));
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1200.50                       | 1200.50
            1,200.50                      | 1200.50
            1,200,000                     | 1200000
            +5                            | 5
            -0.25                         | -0.25
            .5                            | 0.5
            7.                            | 7
            0.0435                        | 0.0435
            000123                        | 123
            123456789012345678901234.5678 | 123456789012345678901234.5678
            1,234,567,890,123,456,789.01  | 1234567890123456789.01
            """)
    void acceptedDecimalForms(String text, BigDecimal expected) throws BadCell {
        BigDecimal read = CellForms.parseDecimal(cell(text));

        assertThat(read).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is not a decimal")
    @CsvSource(delimiter = '|', textBlock = """
            1,5        | decimal.format
            12,34,567  | decimal.format
            1,2345     | decimal.format
            ,100       | decimal.format
            100,       | decimal.format
            1.000,50   | decimal.format
            1.2.3      | decimal.format
            -          | decimal.format
            .          | decimal.format
            1 000      | decimal.format
            1e3        | decimal.format
            12%        | decimal.format
            $100       | decimal.currency_symbol
            ￥100       | decimal.currency_symbol
            100 USD    | decimal.currency_symbol
            100元      | decimal.currency_symbol
            """)
    void refusedDecimalForms(String text, String rule) {
        assertThatThrownBy(() -> CellForms.parseDecimal(cell(text)))
                .isInstanceOfSatisfying(
                        BadCell.class, bad -> assertThat(bad.rule()).isEqualTo(rule));
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"true,true", "FALSE,false", "Yes,true", "n,false", "t,true", "1,true", "0,false", "是,true", "否,false"})
    void acceptedBooleanForms(String text, boolean expected) throws BadCell {
        assertThat(CellForms.bool().read(cell(text), null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"CNY,CNY", "cny,CNY", "usd,USD", "RMB,CNY", "rmb,CNY", "HKD,HKD"})
    void acceptedCurrencyForms(String text, String expected) throws BadCell {
        assertThat(CellForms.currency().read(cell(text), null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"branch,BRANCH", "Branch,BRANCH", "RELATIONSHIP_MANAGER,RELATIONSHIP_MANAGER"})
    void codesAreCaseInsensitive(String text, Channel expected) throws BadCell {
        assertThat(CellForms.code(Channel.class).read(cell(text), null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"1,1", "+7,7", "-3,-3", "007,7", "999999999,999999999"})
    void acceptedIntegerForms(String text, int expected) throws BadCell {
        assertThat(CellForms.parseInteger(cell(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `  padded  `     | padded
            `\u3000全角\u3000` | 全角
            `\u00A0nbsp\u00A0` | nbsp
            `in  side`       | in  side
            """)
    void cellsAreStrippedOfSurroundingBlanksOnly(String text, String expected) {
        assertThat(cell(text).text()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aTextEqualToThePreviousRowsIsTheSameInstance() throws BadCell {
        Object first = CellForms.text().read(cell("LN0001"), null);

        assertThat(CellForms.text().read(cell("LN0001"), first)).isSameAs(first);
        assertThat(CellForms.text().read(cell("LN0002"), first)).isEqualTo("LN0002");
    }
}
