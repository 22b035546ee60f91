package dev.flowgate.deployments.domain.deployment;

/**
 * A change to a setting that may also be cleared, as a JSON merge patch (RFC 7396) gives
 * it: kept as it is (absent), or set to a value ({@code null} clears it).
 */
public record Setting<T>(boolean changed, T value) {

	private static final Setting<?> KEEP = new Setting<>(false, null);

	@SuppressWarnings("unchecked")
	public static <T> Setting<T> keep() {
		return (Setting<T>) KEEP;
	}

	/**
	 * @param value the new value, or {@code null} to clear it
	 */
	public static <T> Setting<T> to(T value) {
		return new Setting<>(true, value);
	}

}
