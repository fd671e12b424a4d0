package io.fidelis.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.generator.BookGenerator;
import io.fidelis.generator.GeneratorSettings;
import io.fidelis.store.CsvBookFolder;
import io.fidelis.store.RunResult;
import io.fidelis.store.policy.PolicyYaml;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the job finds and decodes the files of a book: by their exact names, whatever characters the names hold, and in
 * the charset {@code --encoding} gives, as {@code fidelis import} does. On a small generated book against the embedded
 * engine.
 */
class InputFilesTest {

    private static final int CUSTOMERS = 120;
    private static final LocalDate AS_OF = GeneratorSettings.DEFAULT_END;
    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    static Path temp;

    private static SparkSession spark;
    private static Path book;

    @BeforeAll
    static void generateABook() throws Exception {
        book = temp.resolve("book");
        new BookGenerator(new GeneratorSettings(CUSTOMERS, 5, AS_OF, GeneratorSettings.DEFAULT_YEARS))
                .writeTo(book, n -> {});
        spark = SharedSpark.session();
    }

    /**
     * What Hadoop takes for a path pattern ({@code [ ] { } * ?}), a comma (which separates several paths), spaces and
     * Chinese, in the folder's name and in a file's; Parquet files and the output there too.
     */
    @Test
    void aBookInAFolderNamedWithPatternCharactersGivesWhatTheEmbeddedEngineGivesForThePlainFolder() throws Exception {
        Path folder = temp.resolve("账本 [2026] {a,b}, *final?");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(book)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Files.copy(file, folder.resolve(name.equals("loans.csv") ? "loans,2026 [v2] {x}.csv" : name));
            }
        }
        Path parquet = folder.resolve("parquet [1] {c,d}");
        Map<String, RunResult> embedded =
                EmbeddedEngine.classify(book, temp.resolve("workspace"), PolicyYaml.shipped("default"), AS_OF, parquet);

        Path fromCsv = folder.resolve("out [csv]");
        ClassifyBook.Summary csv = Jobs.run(spark, AS_OF, fromCsv, "--input", folder.toString());
        Path fromParquet = folder.resolve("out {parquet}, 2");
        ClassifyBook.Summary fromParquetFiles = Jobs.parquet(spark, AS_OF, fromParquet, parquet);

        assertThat(csv.customers()).isEqualTo(CUSTOMERS);
        SameResults.assertSameAs(spark, embedded, fromCsv);
        assertThat(fromParquetFiles.customers()).isEqualTo(CUSTOMERS);
        SameResults.assertSameAs(spark, embedded, fromParquet);
    }

    /**
     * Customer ids in Chinese whose GB18030 bytes are also valid UTF-8: read as UTF-8, as the detection would, they are
     * other ids. With {@code --encoding gb18030}, the job reads the ids {@code fidelis import --encoding gb18030} does.
     */
    @Test
    void aGb18030BookThatLooksLikeUtf8IsReadInTheEncodingGivenAsTheImportReadsIt() throws Exception {
        Path chinese = temp.resolve("gb18030");
        Files.createDirectories(chinese);
        try (Stream<Path> files = Files.list(book)) {
            for (Path file : files.toList()) {
                Files.write(
                        chinese.resolve(file.getFileName()),
                        inUtf8LookingChinese(Files.readString(file)).getBytes(GB18030));
            }
        }
        for (Path file : List.of(chinese.resolve("customers.csv"), chinese.resolve("loans.csv"))) {
            assertThat(isUtf8(Files.readAllBytes(file)))
                    .as("%s is valid UTF-8, so that the detection would read it as UTF-8", file.getFileName())
                    .isTrue();
        }
        Map<String, RunResult> embedded = EmbeddedEngine.classify(
                CsvBookFolder.of(chinese, GB18030),
                temp.resolve("gb18030-workspace"),
                PolicyYaml.shipped("default"),
                AS_OF,
                temp.resolve("gb18030-parquet"));
        assertThat(embedded.keySet()).allMatch(id -> !id.startsWith("C") && id.length() == 2);

        Path out = temp.resolve("from-gb18030");
        ClassifyBook.Summary summary =
                Jobs.run(spark, AS_OF, out, "--input", chinese.toString(), "--encoding", "gb18030");

        assertThat(summary.customers()).isEqualTo(CUSTOMERS);
        SameResults.assertSameAs(spark, embedded, out);
    }

    /** Chinese characters whose two GB18030 bytes are a valid two-byte UTF-8 sequence (lead C2-DF, then 80-BF). */
    private static final List<Character> UTF8_LOOKING = utf8Looking();

    private static List<Character> utf8Looking() {
        List<Character> found = new ArrayList<>();
        for (char c = '\u4e00'; c <= '\u9fa5'; c++) {
            byte[] bytes = String.valueOf(c).getBytes(GB18030);
            if (bytes.length == 2
                    && (bytes[0] & 0xFF) >= 0xC2
                    && (bytes[0] & 0xFF) <= 0xDF
                    && (bytes[1] & 0xFF) >= 0x80
                    && (bytes[1] & 0xFF) <= 0xBF) {
                found.add(c);
            }
        }
        return found;
    }

    /**
     * The text with each customer id (C0000042) made two such characters, one for one, and every other character
     * outside ASCII (in names) one of them.
     */
    private static String inUtf8LookingChinese(String text) {
        int n = UTF8_LOOKING.size();
        StringBuilder chinese = new StringBuilder();
        text.codePoints().forEach(c -> chinese.append(c < 0x80 ? (char) c : UTF8_LOOKING.get(Math.floorMod(c, n))));
        Matcher ids = Pattern.compile("C(\\d{7})").matcher(chinese);
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            int number = Integer.parseInt(ids.group(1));
            ids.appendReplacement(out, UTF8_LOOKING.get(number / n) + "" + UTF8_LOOKING.get(number % n));
        }
        ids.appendTail(out);
        return out.toString();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
