package io.fidelis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong passwords in a row, by the name they were given for (a user or not), in the store every service process
 * shares: a guesser gets the same number of tries however the tries are spread over the processes. Names are keys
 * the caller chooses (the service hashes them, so typed names are not kept); a key's count starts again after a
 * window without wrong passwords, and keys quiet for that long may be purged.
 */
public interface SignInFailures {

    /** How many wrong passwords in a row a key has, and when the last one was. */
    record Count(int failures, Instant last) {}

    /**
     * Counts one wrong password for {@code key} at {@code at}, as one step even with other processes counting at once:
     * the count goes up by one, or starts again at one when the last wrong password was {@code window} or more before.
     *
     * @return the count with this one
     */
    Count failed(String key, Instant at, Duration window);

    /** The key's count, if it has one. */
    Optional<Count> find(String key);

    /** A right password: the key's count is gone. */
    void clear(String key);

    /** Forgets the keys whose last wrong password was at or before {@code before}; how many. */
    int purge(Instant before);
}
