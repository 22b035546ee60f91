package dev.flowgate.deployments.domain;

/**
 * A resource that does not exist or belongs to another owner: both look the same to the
 * caller.
 */
public class NotFoundException extends RuntimeException {

	/**
	 * @param resource what is missing, as a sentence starts with it ({@code Deployment})
	 */
	public NotFoundException(String resource, String id) {
		super("%s '%s' not found".formatted(resource, id));
	}

}
