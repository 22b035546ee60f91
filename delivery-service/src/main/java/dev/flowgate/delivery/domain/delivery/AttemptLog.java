package dev.flowgate.delivery.domain.delivery;

import java.util.Collection;
import java.util.List;

/**
 * Every attempt, kept for the owner to inspect. An attempt is normally recorded by the
 * settle that follows it ({@link DeliveryStore#settle}).
 */
public interface AttemptLog {

	/** Records an attempt on its own: one whose settle found the lease lost. */
	void record(Attempt attempt);

	/** The attempts of these deliveries, in order per delivery. */
	List<Attempt> forDeliveries(Collection<String> deliveryIds);

	/** The last attempt of each of these deliveries that has one. */
	List<Attempt> lastOf(Collection<String> deliveryIds);

}
