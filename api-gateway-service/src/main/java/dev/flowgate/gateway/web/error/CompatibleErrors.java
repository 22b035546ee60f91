package dev.flowgate.gateway.web.error;

/**
 * A compatible API's error body, for errors raised before its controller runs (a wrong
 * method, an unknown path under its prefix): its clients read their own shape there too.
 */
public interface CompatibleErrors {

	/** Whether {@code path} belongs to this API. */
	boolean owns(String path);

	/** The body telling the caller {@code message} in this API's shape. */
	Object body(String message);

}
