package io.fidelis.generator;

import io.fidelis.core.domain.CompanySize;

/**
 * Who a generated customer is, apart from its behaviour.
 *
 * @param name company name, Chinese or in pinyin/English
 * @param industry index into {@link Firms#INDUSTRIES}
 * @param region region or branch, or null when the lender's record leaves it empty
 * @param size size class, or null when missing
 * @param groupId parent group, or null
 * @param industryMissing true when the lender's record leaves the industry empty
 */
record Firm(String name, int industry, String region, CompanySize size, String groupId, boolean industryMissing) {

    /** The industry as written in the file, or null when missing. */
    String industryCode() {
        return industryMissing ? null : Firms.INDUSTRIES[industry];
    }

    /** The size used for amounts and rates: a missing size in the file still belongs to some real company. */
    CompanySize sizeOrMedium() {
        return size == null ? CompanySize.MEDIUM : size;
    }
}
