package io.fidelis.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A book generated into a folder and read back with {@link StrictCsv}, with per-customer views for assertions. */
final class GeneratedBook {

    final GeneratorSettings settings;
    final GenerationSummary summary;
    final List<Integer> progress = new ArrayList<>();
    final StrictCsv.Table customers;
    final StrictCsv.Table loans;
    final StrictCsv.Table installments;
    final StrictCsv.Table complaints;
    final StrictCsv.Table surveys;
    final StrictCsv.Table interactions;
    final StrictCsv.Table truth;

    private GeneratedBook(GeneratorSettings settings, Path directory) throws IOException {
        this.settings = settings;
        this.summary = new BookGenerator(settings).writeTo(directory, progress::add);
        customers = StrictCsv.read(directory.resolve("customers.csv"));
        loans = StrictCsv.read(directory.resolve("loans.csv"));
        installments = StrictCsv.read(directory.resolve("installments.csv"));
        complaints = StrictCsv.read(directory.resolve("complaints.csv"));
        surveys = StrictCsv.read(directory.resolve("surveys.csv"));
        interactions = StrictCsv.read(directory.resolve("interactions.csv"));
        truth = StrictCsv.read(directory.resolve("truth.csv"));
    }

    static GeneratedBook generate(Path directory, int customers, long seed) throws IOException {
        return new GeneratedBook(
                new GeneratorSettings(customers, seed, GeneratorSettings.DEFAULT_END, GeneratorSettings.DEFAULT_YEARS),
                directory);
    }

    LocalDate end() {
        return settings.end();
    }

    /** customer id to archetype code, from truth.csv. */
    Map<String, String> archetypes() {
        Map<String, String> archetypes = new HashMap<>();
        truth.rows().forEach(row -> archetypes.put(row.get("customer_id"), row.get("archetype")));
        return archetypes;
    }

    /** customer id to intended class at the end, e.g. {@code high|active}, from truth.csv. */
    Map<String, String> intendedClasses() {
        Map<String, String> classes = new HashMap<>();
        truth.rows().forEach(row -> classes.put(row.get("customer_id"), row.get("tier") + "|" + row.get("stage")));
        return classes;
    }

    /** loan id to customer id. */
    Map<String, String> loanOwners() {
        Map<String, String> owners = new HashMap<>();
        loans.rows().forEach(row -> owners.put(row.get("loan_id"), row.get("customer_id")));
        return owners;
    }

    /**
     * The last day each customer did something: a loan started, an installment paid, an interaction, a survey answered,
     * a complaint filed. Customers without any such record are absent.
     */
    Map<String, LocalDate> lastActivity() {
        Map<String, LocalDate> last = new HashMap<>();
        Map<String, String> owners = loanOwners();
        loans.rows().forEach(row -> latest(last, row.get("customer_id"), row.get("start_date")));
        installments.rows().stream()
                .filter(row -> !row.isEmpty("paid_date"))
                .forEach(row -> latest(last, owners.get(row.get("loan_id")), row.get("paid_date")));
        interactions.rows().forEach(row -> latest(last, row.get("customer_id"), row.get("occurred_on")));
        surveys.rows().forEach(row -> latest(last, row.get("customer_id"), row.get("surveyed_on")));
        complaints.rows().forEach(row -> latest(last, row.get("customer_id"), row.get("received_on")));
        return last;
    }

    private static void latest(Map<String, LocalDate> last, String customerId, String date) {
        last.merge(customerId, LocalDate.parse(date), (a, b) -> a.isAfter(b) ? a : b);
    }
}
