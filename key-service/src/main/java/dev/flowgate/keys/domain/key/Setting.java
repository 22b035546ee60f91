package dev.flowgate.keys.domain.key;

/**
 * A change to a field that may also be removed: kept as it is, or set to a value
 * ({@code null} removes it).
 */
public record Setting<T>(boolean changed, T value) {

	private static final Setting<?> KEEP = new Setting<>(false, null);

	@SuppressWarnings("unchecked")
	public static <T> Setting<T> keep() {
		return (Setting<T>) KEEP;
	}

	/**
	 * @param value the new value, or {@code null} to remove it
	 */
	public static <T> Setting<T> to(T value) {
		return new Setting<>(true, value);
	}

	T applyTo(T current) {
		return this.changed ? this.value : current;
	}

}
