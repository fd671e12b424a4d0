package io.fidelis.service;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.policy.Policy;
import io.fidelis.generator.BookGenerator;
import io.fidelis.generator.GeneratorSettings;
import io.fidelis.store.CsvBookFolder;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.Store;
import io.fidelis.store.StoredUser;
import io.fidelis.store.Users;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.policy.PolicyYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One small workspace for every service test: a generated book of 300 customers plus one named like a script, two
 * month-end runs, and a user of each role (two admins, for maker-checker).
 */
final class TestWorkspace {

    static final String PASSWORD = "correct horse battery";
    static final String XSS_ID = "CXSS0001";
    static final String XSS_NAME = "<script>alert(1)</script>";
    static final String NAMED_ID = "C0000001";
    static final LocalDate LAST = LocalDate.of(2026, 9, 30);

    private static Path folder;

    private TestWorkspace() {}

    static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = create();
            } catch (Exception e) {
                throw new IllegalStateException("cannot prepare the test workspace", e);
            }
        }
        return folder;
    }

    private static Path create() throws Exception {
        Path root = Files.createTempDirectory("fidelis-service-test");
        Path book = writeBook(root);
        Path workspace = root.resolve("workspace");
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            fill(store, book);
        }
        Files.createDirectories(workspace.resolve("evaluations"));
        try (var in = TestWorkspace.class.getResourceAsStream("/worked-case-evaluation.json")) {
            Files.write(workspace.resolve("evaluations").resolve("worked-case.json"), in.readAllBytes());
        }
        return workspace;
    }

    /** The generated book (300 customers and the one named like a script) in {@code root/book}. */
    static Path writeBook(Path root) throws IOException {
        Path book = root.resolve("book");
        new BookGenerator(new GeneratorSettings(300, 20261128L, LAST, 2)).writeTo(book, done -> {});
        Files.writeString(
                book.resolve("customers.csv"),
                XSS_ID + ",\"" + XSS_NAME + "\",technology,Fujian,small,,2023-01-05,,\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return book;
    }

    /** Imports {@code book} into {@code store}, stores two month-end runs and adds a user of each role. */
    static void fill(Store store, Path book) throws Exception {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        store.importBook(ImportRequest.strict(CsvBookFolder.of(book)));
        Policy policy = PolicyYaml.shipped("default");
        String sha = Accounts.sha256Bytes(shippedText());
        for (LocalDate asOf : List.of(LAST.minusMonths(1).withDayOfMonth(31), LAST)) {
            DatedClassifier classifier = new DatedClassifier(policy, asOf, Map.of());
            List<Classification> results = new ArrayList<>();
            store.forEachHistory(h -> results.add(classifier.classify(h)));
            store.runs()
                    .save(
                            new RunProvenance(
                                    policy.id(),
                                    policy.version(),
                                    sha,
                                    asOf,
                                    store.inputFingerprint(),
                                    "test",
                                    classifier.priors(),
                                    Instant.parse("2026-10-01T00:00:00Z")),
                            results.iterator());
        }
        Users users = store.serviceStores().users();
        for (String[] user :
                new String[][] {{"vera", "viewer"}, {"anna", "analyst"}, {"adam", "admin"}, {"ada", "admin"}}) {
            users.add(new StoredUser(user[0], user[1], encoder.encode(PASSWORD), Instant.now()));
        }
    }

    private static String shippedText() throws IOException {
        try (var in = PolicyYaml.class.getResourceAsStream("/policies/default.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
