package dev.flowgate.deployments.web;

import java.util.ArrayList;
import java.util.List;

import dev.flowgate.deployments.domain.ExpectedRevision;

/**
 * A resource's revision as a strong {@code ETag} ({@code "3"}), and an {@code If-Match}
 * as the revisions it names (RFC 9110, 13.1.1).
 */
final class EntityTags {

	private static final String ANY = "*";

	private static final String WEAK_PREFIX = "W/";

	private static final String QUOTE = "\"";

	private EntityTags() {
	}

	static String of(long revision) {
		return QUOTE + revision + QUOTE;
	}

	/**
	 * Without the header, or with {@code *}, any revision. A weak tag never matches, as
	 * {@code If-Match} compares strongly; nor does a tag this service did not make.
	 * @param ifMatch the header, several joined with commas, or {@code null}
	 */
	static ExpectedRevision expected(String ifMatch) {
		if (ifMatch == null) {
			return ExpectedRevision.ANY;
		}
		List<Long> revisions = new ArrayList<>();
		for (String tag : ifMatch.split(",")) {
			String trimmed = tag.trim();
			if (trimmed.equals(ANY)) {
				return ExpectedRevision.ANY;
			}
			revisionOf(trimmed, revisions);
		}
		return ExpectedRevision.oneOf(revisions);
	}

	private static void revisionOf(String tag, List<Long> revisions) {
		if (tag.startsWith(WEAK_PREFIX) || tag.length() < 2 || !tag.startsWith(QUOTE) || !tag.endsWith(QUOTE)) {
			return;
		}
		try {
			revisions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
		}
		catch (NumberFormatException notOurs) {
			// Matches no revision.
		}
	}

}
