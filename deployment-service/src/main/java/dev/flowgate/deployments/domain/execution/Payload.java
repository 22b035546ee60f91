package dev.flowgate.deployments.domain.execution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inputs or outputs as stored.
 *
 * @param truncated whether some values were replaced by a marker because the whole
 * exceeded the size limit
 */
public record Payload(Map<String, Object> values, boolean truncated) {

	public Payload {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

}
