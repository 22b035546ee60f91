package dev.flowgate.deployments.domain.flow;

import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.PageCursor;

/**
 * Where a page of a flow's versions (newest first) ended: the next page holds the lower
 * versions.
 *
 * @param version the page's last version
 */
public record VersionCursor(int version) implements PageCursor {

	@Override
	public String encode() {
		return PageCursor.opaque(Integer.toString(this.version));
	}

	/**
	 * @throws InvalidRequestException when the text is not a cursor this service made
	 */
	public static VersionCursor decode(String text) {
		try {
			int version = Integer.parseInt(PageCursor.plain(text));
			if (version < 1) {
				throw PageCursor.invalid();
			}
			return new VersionCursor(version);
		}
		catch (NumberFormatException ex) {
			throw PageCursor.invalid();
		}
	}

}
