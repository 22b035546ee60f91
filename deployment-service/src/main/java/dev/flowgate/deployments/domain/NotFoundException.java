package dev.flowgate.deployments.domain;

/**
 * A resource that does not exist or belongs to another owner: both look the same to the
 * caller.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String resource, String id) {
		super("%s%s '%s' not found".formatted(Character.toUpperCase(resource.charAt(0)), resource.substring(1), id));
	}

}
