package dev.flowgate.delivery.domain;

/** Writes plain values (maps, lists, strings, numbers, booleans, null) as JSON. */
public interface JsonWriter {

	String compact(Object value);

	String pretty(Object value);

}
