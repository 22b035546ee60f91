package dev.flowgate.gateway.domain.input;

import java.util.Optional;

/** Parses JSON text into plain Java values (maps, lists, strings, numbers, booleans). */
@FunctionalInterface
public interface JsonText {

	/** The parsed value, or empty when the text is not JSON. */
	Optional<Object> parse(String text);

}
