package dev.flowgate.infra.local;

import java.util.List;

/** Ports the local stack needs are held by other programs. */
public class PortsInUseException extends IllegalStateException {

	PortsInUseException(List<String> ports) {
		super("Another program is listening on port " + String.join(", ", ports)
				+ ". Stop it first (`ss -ltnp` shows which), or, if it is a Flowgate started from another"
				+ " folder, run ./flowgate down there.");
	}

}
