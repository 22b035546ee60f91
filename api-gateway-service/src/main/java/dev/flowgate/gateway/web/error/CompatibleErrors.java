package dev.flowgate.gateway.web.error;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A compatible API's error body, for its own errors and those raised before its
 * controller runs (a wrong method, an unknown path under its prefix, a path Tomcat
 * refuses): its clients read their own shape there too.
 *
 * @param pathPrefix where the API's paths start
 * @param shape the body telling the caller a message in the API's shape
 */
public record CompatibleErrors(String pathPrefix, Function<String, ?> shape) {

	/** The API whose paths {@code path} is one of, if any. */
	public static Optional<CompatibleErrors> owning(List<CompatibleErrors> apis, String path) {
		return (path != null) ? apis.stream().filter((api) -> path.startsWith(api.pathPrefix)).findFirst()
				: Optional.empty();
	}

	public Object body(String message) {
		return this.shape.apply(message);
	}

}
