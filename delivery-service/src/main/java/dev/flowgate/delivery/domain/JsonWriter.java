package dev.flowgate.delivery.domain;

import java.io.Writer;

/** Writes plain values (maps, lists, strings, numbers, booleans, null) as JSON. */
public interface JsonWriter {

	String compact(Object value);

	/** Indented, written to {@code out}; what {@code out} throws is passed on. */
	void pretty(Object value, Writer out);

}
