package dev.flowgate.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.ErrorHandler;

/**
 * A scheduled round (a republisher, a poller, a sweep) that failed because MongoDB cannot
 * be reached is one warning line: the next round tries again, and during an outage every
 * round ends here. Any other failure is logged whole.
 */
class ScheduledTaskFailures implements ErrorHandler {

	private static final Logger logger = LoggerFactory.getLogger(ScheduledTaskFailures.class);

	@Override
	public void handleError(Throwable failure) {
		if (StoreOutages.isOutage(failure)) {
			logger.warn("A scheduled task could not reach MongoDB; its next round tries again: {}",
					NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
		}
		else {
			logger.error("A scheduled task failed", failure);
		}
	}

}
