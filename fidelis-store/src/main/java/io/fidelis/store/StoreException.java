package io.fidelis.store;

/** The store itself failed (its database could not be opened, read or written): not a problem of the data. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
