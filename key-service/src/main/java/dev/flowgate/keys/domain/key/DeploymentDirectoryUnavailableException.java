package dev.flowgate.keys.domain.key;

/** Whether an owner has a deployment cannot be told now; asking again later may work. */
public class DeploymentDirectoryUnavailableException extends RuntimeException {

	public DeploymentDirectoryUnavailableException(String message) {
		super(message);
	}

	public DeploymentDirectoryUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
