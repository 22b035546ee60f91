package dev.flowgate.deployments.domain;

import java.util.Collection;
import java.util.Set;

/**
 * The revisions a write expects its resource at, from the caller's {@code If-Match}: any
 * (none asked for, or {@code *}), or one of those listed. The services check it against
 * the revision their compare-and-set writes over, so a change in between is caught too.
 *
 * @param any whether every revision will do
 * @param revisions the revisions that will do otherwise (none: no revision will)
 */
public record ExpectedRevision(boolean any, Set<Long> revisions) {

	/** Last writer wins, as without {@code If-Match}. */
	public static final ExpectedRevision ANY = new ExpectedRevision(true, Set.of());

	public ExpectedRevision {
		revisions = Set.copyOf(revisions);
	}

	public static ExpectedRevision oneOf(Collection<Long> revisions) {
		return new ExpectedRevision(false, Set.copyOf(revisions));
	}

	public boolean matches(long revision) {
		return this.any || this.revisions.contains(revision);
	}

	/**
	 * @param resource what the resource is, as a message starts ({@code Deployment})
	 * @throws PreconditionFailedException when {@code current} is not expected
	 */
	public void require(String resource, String id, long current) {
		if (!matches(current)) {
			throw new PreconditionFailedException(resource, id, current);
		}
	}

}
