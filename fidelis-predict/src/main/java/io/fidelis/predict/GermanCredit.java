package io.fidelis.predict;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The Statlog German credit data (1,000 applicants, 300 bad) as observations: numeric columns as they are, text
 * columns one-hot ({@code column=level}); the event is {@code creditability = bad}. The UCI cost matrix goes with it:
 * approving a bad applicant costs 5, rejecting a good one costs 1.
 */
public final class GermanCredit {

    /** The cost of approving an applicant who turns out bad. */
    public static final double BAD_APPROVED_COST = 5;

    /** The cost of rejecting an applicant who would have been good. */
    public static final double GOOD_REJECTED_COST = 1;

    static final String LABEL = "creditability";

    private GermanCredit() {}

    public static List<Observation> read(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            List<String> columns = parser.getHeaderNames();
            List<CSVRecord> records = parser.getRecords();
            Map<String, Boolean> numeric = new HashMap<>();
            for (String column : columns) {
                numeric.put(column, records.stream().allMatch(r -> r.get(column).matches("-?\\d+(\\.\\d+)?")));
            }
            List<Observation> observations = new ArrayList<>();
            for (CSVRecord record : records) {
                Map<String, Double> features = new HashMap<>();
                for (String column : columns) {
                    if (column.equals(LABEL)) {
                        continue;
                    }
                    String value = record.get(column);
                    if (numeric.get(column)) {
                        features.put(column, Double.parseDouble(value));
                    } else {
                        features.put(column + "=" + value, 1.0);
                    }
                }
                String label = record.get(LABEL);
                if (!label.equals("good") && !label.equals("bad")) {
                    throw new IOException(csv + " line " + parser.getCurrentLineNumber()
                            + ": creditability must be good or bad, was '" + label + "'");
                }
                observations.add(
                        new Observation("applicant-" + (observations.size() + 1), features, label.equals("bad")));
            }
            return observations;
        }
    }

    /** The one feature of the baseline scorecard: the status of the existing checking account. */
    public static List<String> checkingAccountFeatures(List<Observation> observations) {
        return observations.stream()
                .flatMap(o -> o.features().keySet().stream())
                .filter(name -> name.startsWith("status_of_existing_checking_account="))
                .distinct()
                .sorted()
                .toList();
    }
}
