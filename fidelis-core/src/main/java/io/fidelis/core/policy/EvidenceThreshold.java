package io.fidelis.core.policy;

/**
 * The least evidence for a tier above {@link Tier#MEDIUM}: a customer with fewer than {@code minInstallmentsDue}
 * installments due in the window and fewer than {@code minSurveys} survey answers in it is capped at medium.
 *
 * @param minInstallmentsDue installments due in the window that are enough evidence alone, 0 or more
 * @param minSurveys survey answers in the window that are enough evidence alone, 0 or more
 */
public record EvidenceThreshold(int minInstallmentsDue, int minSurveys) {}
