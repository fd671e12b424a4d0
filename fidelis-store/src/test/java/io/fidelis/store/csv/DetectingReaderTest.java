package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Table;
import io.fidelis.store.Reject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The charset is UTF-8 (with or without BOM) or GB18030, found without reading the file twice, or forced. */
class DetectingReaderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String CHINESE = "客户编号,华信建设有限公司,华东";

    @TempDir
    Path folder;

    private static String decode(byte[] bytes, Charset forced, Charset[] used) throws IOException {
        StringBuilder text = new StringBuilder();
        try (DetectingReader reader = new DetectingReader(new ByteArrayInputStream(bytes), forced)) {
            char[] chunk = new char[1000];
            for (int n; (n = reader.read(chunk, 0, chunk.length)) >= 0; ) {
                text.append(chunk, 0, n);
            }
            used[0] = reader.charset();
        }
        return text.toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void utf8IsDetected() throws IOException {
        Charset[] used = new Charset[1];

        assertThat(decode(CHINESE.getBytes(StandardCharsets.UTF_8), null, used)).isEqualTo(CHINESE);
        assertThat(used[0]).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gb18030IsDetected() throws IOException {
        Charset[] used = new Charset[1];

        assertThat(decode(CHINESE.getBytes(GB18030), null, used)).isEqualTo(CHINESE);
        assertThat(used[0]).isEqualTo(GB18030);
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() throws IOException {
        Charset[] used = new Charset[1];
        byte[] bytes =
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a,b".getBytes(StandardCharsets.UTF_8));

        assertThat(decode(bytes, null, used)).isEqualTo("a,b");
        assertThat(used[0]).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void excelsUnicodeTextIsReadByItsByteOrderMark() throws IOException {
        Charset[] used = new Charset[1];
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, CHINESE.getBytes(StandardCharsets.UTF_16LE));

        assertThat(decode(bytes, null, used)).isEqualTo(CHINESE);
        assertThat(used[0]).isEqualTo(StandardCharsets.UTF_16LE);
    }

    @Test
    void anAsciiFileIsUtf8() throws IOException {
        Charset[] used = new Charset[1];

        assertThat(decode("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), null, used))
                .isEqualTo("a,b\n1,2\n");
        assertThat(used[0]).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void chineseFarIntoAnAsciiFileIsStillDetected() throws IOException {
        Charset[] used = new Charset[1];
        String ascii = "C0001,Acme,east\n".repeat(20_000);
        byte[] bytes = concat(ascii.getBytes(StandardCharsets.US_ASCII), CHINESE.getBytes(GB18030));

        assertThat(decode(bytes, null, used)).isEqualTo(ascii + CHINESE);
        assertThat(used[0]).isEqualTo(GB18030);
    }

    @Test
    void aForcedCharsetWins() throws IOException {
        Charset[] used = new Charset[1];
        byte[] utf8 = "é".getBytes(StandardCharsets.UTF_8);

        assertThat(decode(utf8, StandardCharsets.ISO_8859_1, used)).isEqualTo("Ã©");
        assertThat(used[0]).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0} is valid UTF-8: {1}")
    @CsvSource({
        "41 42, true",
        "C3 A9, true",
        "E4 B8 AD, true",
        "F0 9F 98 80, true",
        "C0 80, false",
        "E0 80 80, false",
        "ED A0 80, false",
        "F4 90 80 80, false",
        "D6 D0, false",
        "80, false",
        "E4 B8, true"
    })
    void strictUtf8Check(String hex, boolean valid) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }

        assertThat(DetectingReader.isUtf8(bytes, 0, bytes.length, false)).isEqualTo(valid);
    }

    @Test
    void aSequenceCutByTheEndOfTheInputIsInvalid() {
        byte[] cut = {(byte) 0xE4, (byte) 0xB8};

        assertThat(DetectingReader.isUtf8(cut, 0, cut.length, true)).isFalse();
    }

    @Test
    void gb18030ChineseNamesAreReadIntoRecords() throws IOException {
        Path file = folder.resolve("customers.csv");
        Files.write(file, "customer_id,name\nC1,华信建设有限公司\n".getBytes(GB18030));

        ContractRow.Read read = ContractRow.Read.file(file, Table.CUSTOMERS);

        assertThat(((Customer) read.onlyRecord()).name()).isEqualTo("华信建设有限公司");
        assertThat(read.summary().charset()).isEqualTo(GB18030);
    }

    @Test
    void bytesInvalidInTheDetectedCharsetRejectTheirCellOnly() throws IOException {
        Path file = folder.resolve("customers.csv");
        String head = "customer_id,name\nC1,华信\n" + "C2,plain\n".repeat(10_000);
        byte[] bytes = concat(
                head.getBytes(StandardCharsets.UTF_8),
                "C3,bad ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF},
                "\nC4,fine\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes);

        ContractRow.Read read = ContractRow.Read.file(file, Table.CUSTOMERS);

        assertThat(read.summary().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read.sink().rejects).singleElement().satisfies(reject -> {
            assertThat(reject.rule()).isEqualTo("encoding");
            assertThat(reject.column()).isEqualTo("name");
            assertThat(reject.line()).isEqualTo(10_003);
        });
        assertThat(read.sink().records).hasSize(10_002);
        assertThat(read.sink().rejects).extracting(Reject::value).containsExactly("bad \uFFFD");
    }

    @Test
    void aForcedCharsetReadsTheFile() throws IOException {
        Path file = folder.resolve("customers.csv");
        Files.write(file, "customer_id,name\nC1,牛奶\n".getBytes(GB18030));

        ContractRow.Read read = ContractRow.Read.file(file, Table.CUSTOMERS, ReadOptions.forced(GB18030));

        assertThat(((Customer) read.onlyRecord()).name()).isEqualTo("牛奶");
    }

    @Test
    void closingTheReaderClosesTheFile() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Reader reader = new DetectingReader(in, null);

        reader.close();

        assertThat(closed[0]).isTrue();
    }
}
