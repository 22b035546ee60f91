package dev.flowgate.deployments.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One immutable flow version; its id {@code flowId:version} makes a second writer of the
 * same version fail.
 *
 * @param definitionBytes the definition's size as JSON, which budgets sum; {@code null}
 * in versions stored before it was kept
 */
@Document(FlowVersionDocument.COLLECTION)
record FlowVersionDocument(@Id String id, String flowId, String ownerId, int version, String name, String description,
		String definitionJson, Integer nodeCount, Long definitionBytes, Instant createdAt) {

	static final String COLLECTION = "flow_versions";

	static final String FLOW = "flowId";

	static final String OWNER = "ownerId";

	static final String VERSION = "version";

	static final String DEFINITION = "definitionJson";

	static final String DEFINITION_BYTES = "definitionBytes";

	static String idOf(String flowId, int version) {
		return flowId + ":" + version;
	}

}
