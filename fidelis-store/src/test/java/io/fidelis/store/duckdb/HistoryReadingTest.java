package io.fidelis.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Channel;
import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.CompanySize;
import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.ComplaintCategory;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.core.domain.Severity;
import io.fidelis.core.domain.Survey;
import io.fidelis.store.CustomerRange;
import io.fidelis.store.FakeBook;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.sql.Histories;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast ways of reading histories (Arrow batches, ranges of customers read on their own) give the same histories,
 * record for record and in the same order, as the reference (JDBC row by row, the whole book at once), on seeded
 * books with awkward ids (quotes, non-ASCII, characters beyond the BMP that UTF-16 sorts differently), shared id
 * prefixes, missing values of every optional column, equal interactions and amounts with 4 decimals.
 */
class HistoryReadingTest {

    private static final String[] IDS = {
        "C1", "C10", "C2", "O'Brien Ltd", "a1", "Ärger GmbH", "客户7", "\uFF21 corp", "\uD83D\uDE00 shop", "Z"
    };

    @TempDir
    Path temp;

    private DuckDbBookStore store;

    @BeforeEach
    void openStore() {
        store = DuckDbBookStore.open(temp.resolve("workspace"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 4).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void arrowReadsTheSameHistoriesAsJdbcWhateverTheBatchSize(long seed) throws IOException {
        load(seed);
        List<CustomerHistory> reference = read(Histories.Reading.JDBC, Histories.BATCH);

        assertThat(ArrowRows.available()).as("Arrow can be used in this JVM").isTrue();
        for (int batchSize : List.of(1, 2, 3, 7, Histories.BATCH)) {
            assertThat(read(ArrowRows.READING, batchSize))
                    .as("Arrow, batches of %d", batchSize)
                    .isEqualTo(reference);
        }
        assertThat(reference).hasSize(IDS.length);
        assertThat(reference.stream().mapToInt(h -> h.installments().size()).sum())
                .isGreaterThan(100);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rangesHoldEveryCustomerOnceAndReadTheSameHistories(long seed) throws IOException {
        load(seed);
        List<CustomerHistory> reference = read(Histories.Reading.JDBC, Histories.BATCH);

        for (int size = 1; size <= IDS.length + 1; size++) {
            List<CustomerRange> ranges = store.customerRanges(size);
            List<CustomerHistory> byRange = new ArrayList<>();
            for (CustomerRange range : ranges) {
                store.forEachHistory(range, byRange::add);
            }
            assertThat(byRange).as("ranges of %d", size).isEqualTo(reference);
            assertThat(ranges).hasSize((IDS.length + size - 1) / size);
        }
    }

    @Test
    void anEmptyBookHasNoRange() {
        assertThat(store.customerRanges(10)).isEmpty();
    }

    @Test
    void aRangeHoldsTheIdsBetweenItsEndsByCodePoint() {
        CustomerRange range = new CustomerRange("C1", "\uD83D\uDE00 shop");

        assertThat(range.contains("\uFF21 corp")).isTrue();
        assertThat(range.contains("C1")).isTrue();
        assertThat(range.contains("C0")).isFalse();
        assertThat(range.contains("\uD83D\uDE01")).isFalse();
    }

    private List<CustomerHistory> read(Histories.Reading reading, int batchSize) {
        List<CustomerHistory> histories = new ArrayList<>();
        store.forEachHistory(reading, batchSize, histories::add);
        return histories;
    }

    /** A book of the awkward ids with a seeded mix of records. */
    private void load(long seed) throws IOException {
        Random random = new Random(seed);
        List<Object> customers = new ArrayList<>();
        List<Object> loans = new ArrayList<>();
        List<Object> installments = new ArrayList<>();
        List<Object> complaints = new ArrayList<>();
        List<Object> surveys = new ArrayList<>();
        List<Object> interactions = new ArrayList<>();
        LocalDate start = LocalDate.of(2022, 1, 1);
        int loanNumber = 0;
        int complaintNumber = 0;
        for (String id : IDS) {
            boolean closed = random.nextInt(4) == 0;
            customers.add(
                    random.nextBoolean()
                            ? Customer.withId(id)
                            : new Customer(
                                    id,
                                    "name of " + id,
                                    "industry",
                                    random.nextBoolean() ? "east" : null,
                                    CompanySize.values()[random.nextInt(CompanySize.values().length)],
                                    random.nextBoolean() ? "G1" : null,
                                    start,
                                    closed ? start.plusYears(3) : null,
                                    closed ? CloseReason.values()[random.nextInt(CloseReason.values().length)] : null));
            for (int l = random.nextInt(4); l > 0; l--) {
                // ids sharing prefixes: L1, L10, L1a ...
                String loanId = "L" + (++loanNumber) + (random.nextBoolean() ? "" : "a");
                LoanStatus status = LoanStatus.values()[random.nextInt(LoanStatus.values().length)];
                loans.add(new Loan(
                        loanId,
                        id,
                        Product.values()[random.nextInt(Product.values().length)],
                        new BigDecimal(random.nextInt(1_000_000) + "." + String.format("%02d", random.nextInt(100))),
                        "CNY",
                        random.nextBoolean() ? new BigDecimal("0.0435") : null,
                        start.plusDays(random.nextInt(400)),
                        start.plusYears(5),
                        status,
                        random.nextBoolean() ? start.plusDays(500 + random.nextInt(300)) : null));
                for (int n = 1, count = random.nextInt(30); n <= count; n++) {
                    LocalDate due = start.plusMonths(n);
                    boolean paid = random.nextInt(5) > 0;
                    installments.add(new Installment(
                            loanId,
                            n,
                            due,
                            amount(random),
                            paid ? due.plusDays(random.nextInt(40)) : null,
                            paid && random.nextInt(10) > 0 ? amount(random) : null));
                }
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                complaints.add(new Complaint(
                        "K" + (++complaintNumber),
                        id,
                        start.plusDays(random.nextInt(900)),
                        random.nextBoolean()
                                ? ComplaintCategory.values()[random.nextInt(ComplaintCategory.values().length)]
                                : null,
                        random.nextBoolean() ? Severity.values()[random.nextInt(Severity.values().length)] : null,
                        random.nextBoolean() ? start.plusDays(950) : null,
                        random.nextInt(3) == 0 ? null : random.nextBoolean()));
            }
            IntStream.range(0, random.nextInt(4))
                    .mapToObj(k -> start.plusMonths(6L * k + 1))
                    .forEach(on -> surveys.add(new Survey(
                            id, on, random.nextBoolean() ? 1 + random.nextInt(5) : null, random.nextInt(11))));
            for (int k = random.nextInt(12); k > 0; k--) {
                Interaction interaction = new Interaction(
                        id,
                        start.plusDays(random.nextInt(60)),
                        InteractionType.values()[random.nextInt(InteractionType.values().length)],
                        random.nextBoolean() ? Channel.values()[random.nextInt(Channel.values().length)] : null);
                interactions.add(interaction);
                if (random.nextInt(4) == 0) {
                    interactions.add(interaction); // two equal interactions on one day are both kept
                }
            }
        }
        FakeBook book = FakeBook.in(temp.resolve("book-" + seed))
                .file("customers.csv", customers.toArray())
                .file("loans.csv", loans.toArray())
                .file("installments.csv", installments.toArray())
                .file("complaints.csv", complaints.toArray())
                .file("surveys.csv", surveys.toArray())
                .file("interactions.csv", interactions.toArray());
        store.importBook(ImportRequest.strict(book));
    }

    /** Amounts with 0, 2 and 4 decimals, and zero. */
    private static BigDecimal amount(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> new BigDecimal(random.nextInt(50_000));
            case 2 -> BigDecimal.valueOf(random.nextInt(5_000_000), 2);
            default -> BigDecimal.valueOf(random.nextInt(50_000_000), 4);
        };
    }
}
