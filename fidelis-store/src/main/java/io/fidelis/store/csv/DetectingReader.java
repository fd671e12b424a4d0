package io.fidelis.store.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file whose charset is UTF-8 (with or without BOM) or GB18030, deciding which without reading the file
 * twice.
 *
 * <p>ASCII reads the same in both, so bytes are passed through as ASCII until the first byte above 0x7F. There the
 * next {@value #LOOKAHEAD} bytes are checked: valid UTF-8 means UTF-8, anything else GB18030 (GBK and GB2312 are its
 * subsets). GB18030 text that is also valid UTF-8 over that many bytes does not occur in practice; the lender can
 * force the charset when it does. A UTF-16 byte-order mark (Excel's "Unicode text") is honoured too. Bytes invalid
 * in the chosen charset become U+FFFD, which the reader reports per cell.
 */
final class DetectingReader extends Reader {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final int LOOKAHEAD = 1 << 16;

    private final InputStream in;
    private final byte[] bytes = new byte[LOOKAHEAD];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean started;
    private Charset charset;
    private Reader decoded;

    /** Decodes {@code in} in {@code forced}, or detects the charset when {@code forced} is null. */
    DetectingReader(InputStream in, Charset forced) {
        this.in = in;
        if (forced != null) {
            decodeAs(forced, in);
        }
    }

    /** The charset used; UTF-8 for a file that was all ASCII. */
    Charset charset() {
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (decoded != null) {
            return decoded.read(target, offset, length);
        }
        if (!started) {
            started = true;
            if (startsWithByteOrderMark()) {
                return decoded.read(target, offset, length);
            }
        }
        if (position == limit && !fill()) {
            return -1;
        }
        byte[] b = bytes;
        int p = position;
        int end = Math.min(limit, p + length);
        int n = 0;
        while (p < end && b[p] >= 0) {
            target[offset + n++] = (char) b[p++];
        }
        position = p;
        if (n > 0 || length == 0) {
            return n;
        }
        decide();
        return decoded.read(target, offset, length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean startsWithByteOrderMark() throws IOException {
        while (limit < 3 && !endOfInput) {
            int n = in.read(bytes, limit, bytes.length - limit);
            if (n < 0) {
                endOfInput = true;
            } else {
                limit += n;
            }
        }
        Charset marked = null;
        int skip = 0;
        if (limit >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            marked = StandardCharsets.UTF_8;
            skip = 3;
        } else if (limit >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            marked = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (limit >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            marked = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        if (marked == null) {
            return false;
        }
        position = skip;
        decodeAs(marked, remainingThenRest());
        return true;
    }

    private void decide() throws IOException {
        System.arraycopy(bytes, position, bytes, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < bytes.length && !endOfInput) {
            int n = in.read(bytes, limit, bytes.length - limit);
            if (n < 0) {
                endOfInput = true;
            } else {
                limit += n;
            }
        }
        decodeAs(isUtf8(bytes, 0, limit, endOfInput) ? StandardCharsets.UTF_8 : GB18030, remainingThenRest());
    }

    private InputStream remainingThenRest() {
        return new SequenceInputStream(new ByteArrayInputStream(bytes, position, limit - position), in);
    }

    private void decodeAs(Charset chosen, InputStream source) {
        charset = chosen;
        decoded = new InputStreamReader(
                source,
                chosen.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int n;
        do {
            n = in.read(bytes, 0, bytes.length);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /**
     * Whether {@code b[from..to)} is well-formed UTF-8 (no overlong forms, surrogates or code points above
     * U+10FFFF). A sequence cut by the end of the window counts as valid unless the input ended there.
     */
    static boolean isUtf8(byte[] b, int from, int to, boolean inputEnded) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int continuations;
            int secondLow = 0x80;
            int secondHigh = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                continuations = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                continuations = 2;
                if (c == 0xE0) {
                    secondLow = 0xA0;
                } else if (c == 0xED) {
                    secondHigh = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                continuations = 3;
                if (c == 0xF0) {
                    secondLow = 0x90;
                } else if (c == 0xF4) {
                    secondHigh = 0x8F;
                }
            } else {
                return false;
            }
            for (int k = 1; k <= continuations; k++) {
                if (i + k >= to) {
                    return !inputEnded;
                }
                int next = b[i + k] & 0xFF;
                int low = k == 1 ? secondLow : 0x80;
                int high = k == 1 ? secondHigh : 0xBF;
                if (next < low || next > high) {
                    return false;
                }
            }
            i += continuations + 1;
        }
        return true;
    }
}
