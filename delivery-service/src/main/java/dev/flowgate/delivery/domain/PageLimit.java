package dev.flowgate.delivery.domain;

/** How many items one page of a list holds, as its {@code limit} parameter asks. */
public final class PageLimit {

	/** The most items one page holds, as in every list of the API. */
	public static final int MAX = 100;

	private PageLimit() {
	}

	/**
	 * @param requested the client's limit, or {@code null} for the default
	 * @return the limit to read
	 * @throws InvalidRequestException outside 1 to {@link #MAX}
	 */
	public static int orDefault(Integer requested, int defaultLimit) {
		int limit = (requested != null) ? requested : defaultLimit;
		if (limit < 1 || limit > MAX) {
			throw new InvalidRequestException("limit", "must be from 1 to " + MAX);
		}
		return limit;
	}

}
