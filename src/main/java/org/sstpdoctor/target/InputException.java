package org.sstpdoctor.target;

import java.util.Objects;

/**
 * Input typed by a person that cannot be used. The message is a complete plain-English sentence
 * naming the problem and how to fix it; {@link #field()} says which input it is about.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final InputField field;

    public InputException(InputField field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public InputField field() {
        return field;
    }
}
