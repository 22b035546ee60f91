package dev.flowgate.deployments.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.flowgate.deployments.domain.flow.Flow;

/** A flow's identity and its latest version number. */
@Document(FlowDocument.COLLECTION)
record FlowDocument(@Id String id, String ownerId, String name, int latestVersion, Instant createdAt,
		Instant updatedAt) {

	static final String COLLECTION = "flows";

	static final String OWNER = "ownerId";

	static final String UPDATED_AT = "updatedAt";

	static FlowDocument of(Flow flow) {
		return new FlowDocument(flow.id(), flow.ownerId(), flow.name(), flow.latestVersion(), flow.createdAt(),
				flow.updatedAt());
	}

	Flow toFlow() {
		return new Flow(this.id, this.ownerId, this.name, this.latestVersion, this.createdAt, this.updatedAt);
	}

}
