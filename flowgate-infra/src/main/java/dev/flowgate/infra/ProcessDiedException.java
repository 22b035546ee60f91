package dev.flowgate.infra;

/**
 * A managed process exited while it was expected to run; the message ends with its log
 * tail.
 */
public class ProcessDiedException extends IllegalStateException {

	private final String logTail;

	ProcessDiedException(String message, String logTail) {
		super(message + "\n--- last lines of the log ---\n" + logTail);
		this.logTail = logTail;
	}

	/** The last lines the process wrote to its log file. */
	public String logTail() {
		return this.logTail;
	}

}
