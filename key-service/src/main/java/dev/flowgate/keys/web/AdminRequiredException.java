package dev.flowgate.keys.web;

/** An owner's key tried an operation reserved to the platform admin. */
class AdminRequiredException extends RuntimeException {

	AdminRequiredException() {
		super("Only the platform admin may do this");
	}

}
