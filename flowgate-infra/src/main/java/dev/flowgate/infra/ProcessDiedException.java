package dev.flowgate.infra;

/**
 * A managed process exited while it was expected to run; the message ends with the error
 * lines and the tail of its log.
 */
public class ProcessDiedException extends IllegalStateException {

	private final String errorLines;

	private final String logTail;

	ProcessDiedException(String message, String errorLines, String logTail) {
		super(message + "\n--- error lines of the log ---\n" + errorLines + "\n--- last lines of the log ---\n"
				+ logTail);
		this.errorLines = errorLines;
		this.logTail = logTail;
	}

	/** The last lines of the log that look like errors or their causes. */
	public String errorLines() {
		return this.errorLines;
	}

	/** The last lines the process wrote to its log file. */
	public String logTail() {
		return this.logTail;
	}

}
