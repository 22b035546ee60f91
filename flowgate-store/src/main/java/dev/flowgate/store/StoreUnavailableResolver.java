package dev.flowgate.store;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Hands an API call's failure that {@link StoreOutages#isOutage} takes for a store outage
 * to {@link StoreUnavailableAdvice}, and any other to the services' own handlers. Runs
 * ahead of the {@code @ExceptionHandler} methods, which pick a handler by exception type:
 * a failover arrives as an {@code UncategorizedMongoDbException}, a
 * {@code DataIntegrityViolationException} or a driver exception, as a bad write does.
 */
class StoreUnavailableResolver implements HandlerExceptionResolver {

	private final HandlerExceptionResolver exceptionHandlers;

	/**
	 * @param exceptionHandlers the resolver of the {@code @ExceptionHandler} methods, to
	 * answer with the advice's
	 */
	StoreUnavailableResolver(HandlerExceptionResolver exceptionHandlers) {
		this.exceptionHandlers = exceptionHandlers;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!StoreOutages.isOutage(ex)) {
			return null;
		}
		return this.exceptionHandlers.resolveException(request, response, handler, new StoreUnavailableException(ex));
	}

}
