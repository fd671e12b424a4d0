package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The names an {@code --encoding} value may take, for the import and the Spark job alike. */
class ReadOptionsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "detect",
            value = {
                "auto, detect",
                "' AUTO ', detect",
                "utf-8, UTF-8",
                "UTF8, UTF-8",
                "gb18030, GB18030",
                "GBK, GB18030",
                "gb2312, GB18030"
            })
    void namedEncodingsReadAsTheirCharset(String name, String charset) {
        Charset forced = ReadOptions.named(name).forcedCharset();

        assertThat(forced == null ? null : forced.name()).isEqualTo(charset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latin-1", "utf-16", "", "big5"})
    void anyOtherNameIsRefusedWithTheChoices(String name) {
        assertThatThrownBy(() -> ReadOptions.named(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + name + "' is not one of auto, utf-8, gb18030");
    }
}
