package io.fidelis.store;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.Classifier;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.core.domain.Survey;
import io.fidelis.store.policy.PolicyException;
import io.fidelis.store.policy.PolicyYaml;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Classifications of small hand-made customers under the shipped default policy, for the runs store's tests. */
public final class Classifications {

    public static final LocalDate AS_OF = LocalDate.parse("2026-09-30");
    public static final Classifier CLASSIFIER = new Classifier(defaultPolicy());

    private Classifications() {}

    /**
     * A customer with a two-year loan from 2025-01-15: paid on time until {@code paidMonths}, unpaid after; with one
     * survey when {@code surveyed} (else every survey feature is missing).
     */
    public static CustomerHistory borrower(String id, int paidMonths, boolean surveyed) {
        LocalDate start = LocalDate.parse("2025-01-15");
        String loanId = "L-" + id;
        List<Installment> installments = new ArrayList<>();
        for (int no = 1; no <= 24; no++) {
            LocalDate due = start.plusMonths(no);
            boolean paid = no <= paidMonths;
            installments.add(new Installment(
                    loanId,
                    no,
                    due,
                    new BigDecimal("5000.00"),
                    paid ? due : null,
                    paid ? new BigDecimal("5000.00") : null));
        }
        Loan loan = new Loan(
                loanId,
                id,
                Product.TERM_LOAN,
                new BigDecimal("100000"),
                null,
                null,
                start,
                start.plusMonths(24),
                LoanStatus.ACTIVE,
                null);
        List<Survey> surveys = surveyed ? List.of(new Survey(id, LocalDate.parse("2026-05-01"), 4, 8)) : List.of();
        Customer customer = new Customer(id, "Firm " + id, null, null, null, null, start, null, null);
        return new CustomerHistory(customer, List.of(loan), installments, List.of(), surveys, List.of());
    }

    public static Classification classify(CustomerHistory history) {
        return CLASSIFIER.classify(history, AS_OF);
    }

    public static Classification classify(CustomerHistory history, ManualOverride override) {
        return CLASSIFIER.classify(history, AS_OF, List.of(), List.of(override));
    }

    /** Three customers in id order: a good payer with a survey, a late payer without, a new-looking one. */
    public static List<Classification> three() {
        return List.of(
                classify(borrower("C1", 20, true)),
                classify(borrower("C2", 6, false)),
                classify(borrower("C3", 19, false)));
    }

    public static RunProvenance provenance(String fingerprint) {
        return new RunProvenance(
                CLASSIFIER.policy().id(),
                CLASSIFIER.policy().version(),
                "sha256:" + "ab".repeat(32),
                AS_OF,
                fingerprint,
                "test",
                "none (hysteresis off)",
                Instant.parse("2026-10-01T08:00:00Z"));
    }

    /** One provenance per date of a series, otherwise as {@link #provenance(String)} gives it. */
    public static java.util.List<RunProvenance> provenances(java.util.List<LocalDate> dates, String fingerprint) {
        RunProvenance p = provenance(fingerprint);
        return dates.stream()
                .map(date -> new RunProvenance(
                        p.policyId(),
                        p.policyVersion(),
                        p.policySha256(),
                        date,
                        p.inputFingerprint(),
                        p.codeVersion(),
                        p.priors(),
                        p.createdAt()))
                .toList();
    }

    private static io.fidelis.core.policy.Policy defaultPolicy() {
        try {
            return PolicyYaml.shipped("default");
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }
}
