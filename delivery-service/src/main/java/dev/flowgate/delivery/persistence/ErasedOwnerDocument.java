package dev.flowgate.delivery.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An erased owner: its id and when it was erased, nothing else. Kept so that a late
 * result of the owner is not delivered, and nothing of the owner is written again.
 */
@Document(ErasedOwnerDocument.COLLECTION)
record ErasedOwnerDocument(@Id String ownerId, Instant erasedAt) {

	static final String COLLECTION = "erased_owners";

	static final String ID = "_id";

	static final String ERASED_AT = "erasedAt";

}
