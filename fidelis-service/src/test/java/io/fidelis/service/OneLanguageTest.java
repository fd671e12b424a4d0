package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classify-now and the customer page in one language when asked (lang=en|zh), in both otherwise. */
class OneLanguageTest extends ServiceTest {

    private static final String CLASSIFY = "{\"customerId\":\"C0000007\",\"asOf\":\"2026-09-30\"}";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/api/classify?lang=en, \"en\":, \"zh\":",
        "/api/classify?lang=zh, \"zh\":, \"en\":",
        "/api/customers/C0000007?lang=ZH, \"zh\":, \"en\":"
    })
    void askedForOneLanguageTheAnswerHoldsItsTextsOnly(String path, String kept, String left) {
        HttpResponse<String> answer =
                path.startsWith("/api/classify") ? post("anna", path, CLASSIFY) : get("anna", path);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains(kept).doesNotContain(left).contains("\"tier\":", "\"code\":");
    }

    @Test
    void leftOutTheAnswerHoldsBothLanguagesAndTheSameCodes() {
        String both = post("anna", "/api/classify", CLASSIFY).body();
        String english = post("anna", "/api/classify?lang=en", CLASSIFY).body();

        assertThat(both).contains("\"en\":", "\"zh\":");
        assertThat(english.length()).isLessThan(both.length());
        assertThat(codes(english)).isEqualTo(codes(both));
    }

    @Test
    void anUnknownLanguageIsRefusedWithTheOnesThereAre() {
        HttpResponse<String> answer = post("anna", "/api/classify?lang=fr", CLASSIFY);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("lang is en or zh");
    }

    private static String codes(String body) {
        return String.join(
                ",",
                body.replaceAll("\"(en|zh|valueZh|value)\":\"[^\"]*\",?", "").split("\\s+"));
    }
}
