package io.fidelis.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be, as a list of small named rules; each gives the problem to show the user, or nothing.
 * The same rules hold for a new user, a changed password and (trivially) a reset one.
 */
final class PasswordRules {

    static final int LEAST_CHARACTERS = 12;
    /** bcrypt reads only the first 72 bytes: a longer password would be partly ignored, so it is refused. */
    static final int MOST_BYTES = 72;

    static final int LEAST_DIFFERENT_CHARACTERS = 5;

    private interface Rule {
        Optional<String> problem(String user, String password);
    }

    private static final List<Rule> RULES = List.of(
            PasswordRules::longEnough,
            PasswordRules::readWhole,
            PasswordRules::notOneCharacterRepeated,
            PasswordRules::withoutTheUserName);

    private PasswordRules() {}

    /** @throws IllegalArgumentException naming the first rule {@code password} breaks */
    static void check(String user, String password) {
        if (password == null) {
            throw new IllegalArgumentException("give a password of at least " + LEAST_CHARACTERS + " characters");
        }
        for (Rule rule : RULES) {
            rule.problem(user, password).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
    }

    static Optional<String> longEnough(String user, String password) {
        return password.codePointCount(0, password.length()) >= LEAST_CHARACTERS
                ? Optional.empty()
                : Optional.of("a password has at least " + LEAST_CHARACTERS + " characters");
    }

    static Optional<String> readWhole(String user, String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MOST_BYTES
                ? Optional.empty()
                : Optional.of("a password has at most " + MOST_BYTES
                        + " bytes in UTF-8 (72 letters or digits, 24 Chinese characters): bcrypt ignores the rest");
    }

    static Optional<String> notOneCharacterRepeated(String user, String password) {
        return password.codePoints().distinct().count() >= LEAST_DIFFERENT_CHARACTERS
                ? Optional.empty()
                : Optional.of("a password has at least " + LEAST_DIFFERENT_CHARACTERS + " different characters");
    }

    static Optional<String> withoutTheUserName(String user, String password) {
        return user != null
                        && user.length() >= 3
                        && password.toLowerCase(Locale.ROOT).contains(user.toLowerCase(Locale.ROOT))
                ? Optional.of("a password does not contain the user's name")
                : Optional.empty();
    }
}
