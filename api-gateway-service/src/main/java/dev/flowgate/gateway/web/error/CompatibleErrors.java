package dev.flowgate.gateway.web.error;

import java.util.function.Function;

/**
 * A compatible API's error body, for errors raised before its controller runs (a wrong
 * method, an unknown path under its prefix): its clients read their own shape there too.
 *
 * @param pathPrefix where the API's paths start
 * @param shape the body telling the caller a message in the API's shape
 */
public record CompatibleErrors(String pathPrefix, Function<String, ?> shape) {

	boolean owns(String path) {
		return path.startsWith(this.pathPrefix);
	}

	Object body(String message) {
		return this.shape.apply(message);
	}

}
