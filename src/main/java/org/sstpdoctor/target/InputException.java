package org.sstpdoctor.target;

/**
 * Input typed by a person that cannot be used. The message is a complete plain-English sentence
 * naming the problem and how to fix it; {@link #field()} says which input it is about.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** "address", "port", "proxy", "proxy port", "proxy user", "trust file"… */
    public String field() {
        return field;
    }
}
