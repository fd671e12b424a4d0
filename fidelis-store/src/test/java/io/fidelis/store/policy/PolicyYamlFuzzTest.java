package io.fidelis.store.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random mutations of a valid policy either parse or fail with a {@link PolicyException}; nothing else escapes. */
class PolicyYamlFuzzTest {

    private static final String ORIGINAL = PolicyYamlTest.seedCaseText();
    private static final String NOISE = ":-[]{}&*!|>'\"#%@,?\t\n 0123456789.eE+xyz<<~\u4e2d";

    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMutatedPolicyParsesOrFailsWithAPolicyException(long seed) {
        Random random = new Random(seed);
        String text = ORIGINAL;
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            text = mutate(text, random);
        }

        try {
            Policy policy = PolicyYaml.parse(text, "fuzz.yaml");
            assertThat(policy).isNotNull();
        } catch (PolicyException e) {
            assertThat(e.problems()).isNotEmpty();
            for (PolicyException.Problem problem : e.problems()) {
                assertThat(problem.message()).isNotBlank();
                assertThat(problem.describe()).startsWith("fuzz.yaml");
            }
        }
    }

    static String mutate(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(8)) {
            case 0 -> {
                int end = Math.min(text.length(), at + 1 + random.nextInt(20));
                return text.substring(0, at) + text.substring(end);
            }
            case 1 -> {
                StringBuilder noise = new StringBuilder();
                for (int i = 1 + random.nextInt(6); i > 0; i--) {
                    noise.append(NOISE.charAt(random.nextInt(NOISE.length())));
                }
                return text.substring(0, at) + noise + text.substring(at);
            }
            case 2 -> {
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int line = random.nextInt(lines.size());
                lines.add(line, lines.get(random.nextInt(lines.size())));
                return String.join("\n", lines);
            }
            case 3 -> {
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                String swap = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, swap);
                return String.join("\n", lines);
            }
            case 4 -> {
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int line = random.nextInt(lines.size());
                lines.set(
                        line,
                        (random.nextBoolean() ? "  " : "") + lines.get(line).stripLeading());
                return String.join("\n", lines);
            }
            case 5 -> {
                return text.substring(0, at);
            }
            case 6 -> {
                String[] numbers = {"-1", "0", "1e309", "NaN", ".inf", "999999999999", "0.5", "null", "~", "''"};
                return text.replaceFirst(
                        "(?m)(:\\s*)(-?[0-9.]+)", "$1" + numbers[random.nextInt(numbers.length)].replace("$", "\\$"));
            }
            default -> {
                String[] words = {"high", "low", "steps", "linear", "true", "priority", "freeze", "*x", "&x", "<<"};
                int start = text.indexOf(' ', at);
                return start < 0
                        ? text
                        : text.substring(0, start + 1) + words[random.nextInt(words.length)] + " "
                                + text.substring(start + 1);
            }
        }
    }
}
