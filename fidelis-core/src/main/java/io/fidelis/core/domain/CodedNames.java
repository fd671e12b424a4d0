package io.fidelis.core.domain;

import java.util.Locale;

/**
 * The default codes of enum constants (their names in lower case), made once per type: storing a run asks for the
 * tier, stage and action codes of every customer, and lower-casing the name each time made a new string each time.
 */
final class CodedNames {

    private static final ClassValue<String[]> NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return names;
        }
    };

    private CodedNames() {}

    static String of(Enum<?> value) {
        return NAMES.get(value.getDeclaringClass())[value.ordinal()];
    }
}
