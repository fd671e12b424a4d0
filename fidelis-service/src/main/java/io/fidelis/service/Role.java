package io.fidelis.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a user may do; each role includes the ones before it. */
enum Role {
    /** Reads the portfolio, customers (contact data masked), runs, policies, evaluations. */
    VIEWER,
    /** Also classifies, overrides, proposes policies and exports. */
    ANALYST,
    /** Also approves policies, manages users and tokens and reads the audit log. */
    ADMIN;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role of(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + code + "' (roles: viewer, analyst, admin)");
        }
    }

    /** The Spring authorities of this role: its own and those of every role it includes. */
    List<String> authorities() {
        List<String> authorities = new ArrayList<>();
        for (Role role : values()) {
            if (role.ordinal() <= ordinal()) {
                authorities.add("ROLE_" + role.name());
            }
        }
        return authorities;
    }
}
