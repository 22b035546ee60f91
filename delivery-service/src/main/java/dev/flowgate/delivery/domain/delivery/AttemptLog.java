package dev.flowgate.delivery.domain.delivery;

import java.util.Collection;
import java.util.List;

/** Every attempt, kept for the owner to inspect. */
public interface AttemptLog {

	/** Records an attempt; recording the same delivery and number again replaces it. */
	void record(Attempt attempt);

	/** The attempts of these deliveries, in order per delivery. */
	List<Attempt> forDeliveries(Collection<String> deliveryIds);

}
