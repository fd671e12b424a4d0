package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.PolicyVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every label the dashboard shows comes from the message files, in both languages. */
class MessageFilesTest {

    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ATTRIBUTE = Pattern.compile("data-i18n=\"([^\"]+)\"");
    private static final Pattern CALL = Pattern.compile("\\bt\\('([^']+)'\\)");
    private static final Pattern COLUMNS =
            Pattern.compile("\\[([^\\]]+)\\]\\.map\\(h => el\\('th', \\{\\}, t\\('([a-zA-Z.]+)' \\+ h\\)\\)\\)");

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void everyKeyTheDashboardUsesHasAText(String language) throws IOException {
        Map<String, String> messages = messages(language);

        assertThat(messages.keySet()).containsAll(usedKeys());
        assertThat(messages).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void bothLanguagesHaveTheSameKeys(String language) throws IOException {
        String other = language.equals("en") ? "zh" : "en";
        assertThat(messages(language).keySet()).isEqualTo(messages(other).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theTestFindsAMissingKey(String language) throws IOException {
        Set<String> used = usedKeys();
        used.add("overview.notThere");
        assertThat(messages(language).keySet().containsAll(used)).isFalse();
    }

    /** The keys written in the page and the script, and those the script builds from codes. */
    static Set<String> usedKeys() throws IOException {
        String page = resource("/static/index.html");
        String script = resource("/static/app/app.js");
        Set<String> keys = new TreeSet<>();
        find(ATTRIBUTE, page, keys);
        find(CALL, script, keys);
        Matcher columns = COLUMNS.matcher(script);
        int families = 0;
        while (columns.find()) {
            families++;
            for (String column : columns.group(1).split(",")) {
                keys.add(columns.group(2) + column.strip().replace("'", ""));
            }
        }
        assertThat(families)
                .as("tables whose headers are built from column names")
                .isGreaterThanOrEqualTo(3);
        for (Tier tier : Tier.values()) {
            keys.add("tier." + tier.code());
        }
        for (Stage stage : Stage.values()) {
            keys.add("stage." + stage.code());
            keys.add("customers.stage");
        }
        for (Role role : Role.values()) {
            keys.add("role." + role.code());
        }
        for (String state :
                new String[] {"shipped", PolicyVersion.PROPOSED, PolicyVersion.APPROVED, PolicyVersion.REJECTED}) {
            keys.add("policies.state." + state);
        }
        keys.add("customers.tier");
        keys.add("customers.industry");
        return keys;
    }

    private static void find(Pattern pattern, String text, Set<String> keys) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
    }

    static Map<String, String> messages(String language) throws IOException {
        Map<String, String> messages = new LinkedHashMap<>();
        Matcher entries = ENTRY.matcher(resource("/static/app/i18n/" + language + ".json"));
        while (entries.find()) {
            messages.put(entries.group(1), entries.group(2));
        }
        return messages;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MessageFilesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
