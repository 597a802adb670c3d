package io.radflow.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One immutable table column: numeric (missing values are {@code NaN}) or text (missing values
 * are {@code null}).
 */
public final class Column {

    private final String name;
    private final double[] numbers;
    private final String[] texts;

    private Column(String name, double[] numbers, String[] texts) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A column needs a non-blank name");
        }
        this.name = name;
        this.numbers = numbers;
        this.texts = texts;
    }

    /** A numeric column; the array is copied. */
    public static Column numeric(String name, double[] values) {
        return new Column(name, values.clone(), null);
    }

    /** A text column; the array is copied. */
    public static Column text(String name, String[] values) {
        return new Column(name, null, values.clone());
    }

    public String name() {
        return name;
    }

    public boolean isNumeric() {
        return numbers != null;
    }

    public int size() {
        return numbers != null ? numbers.length : texts.length;
    }

    /** A copy of the values of a numeric column. */
    public double[] numbers() {
        if (numbers == null) {
            throw new IllegalStateException("Column '" + name + "' is text, not numeric");
        }
        return numbers.clone();
    }

    /** The number at {@code row} of a numeric column ({@code NaN} when missing). */
    public double number(int row) {
        if (numbers == null) {
            throw new IllegalStateException("Column '" + name + "' is text, not numeric");
        }
        return numbers[row];
    }

    /** The cell at {@code row} as text; numbers are written in shortest round-trip form, missing as "". */
    public String text(int row) {
        if (texts != null) {
            return texts[row] == null ? "" : texts[row];
        }
        return formatNumber(numbers[row]);
    }

    /** Shortest decimal form that parses back to the same double; NaN becomes "". */
    public static String formatNumber(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Column c && name.equals(c.name) && Arrays.equals(numbers, c.numbers)
                && Arrays.equals(texts, c.texts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(numbers), Arrays.hashCode(texts));
    }
}
