package dev.flowgate.internal;

/**
 * A change to a setting that may also be cleared, as a JSON merge patch (RFC 7396) gives
 * it, the way every {@code PATCH} of the native API reads one: kept as it is (absent), or
 * set to a value ({@code null} clears it). Plain Java, for the services' domains.
 *
 * @param changed whether the patch named the setting
 * @param value the new value, or {@code null} to clear it
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

	/** The setting after the patch. */
	public T applyTo(T current) {
		return this.changed ? this.value : current;
	}

}
