package dev.flowgate.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.flowgate.internal.QueryGuard.InvalidQueryException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What a service's error advice extends: every error as RFC 9457 problem details, Spring
 * MVC's own as the base class makes them, a path nothing serves as the gateway words it,
 * a body that is not JSON, a value not of its type or a missing query parameter as the
 * native API's one 400 ({@link InvalidFields}: the member at fault, or the body as a
 * whole), and anything unexpected as a logged 500 that tells the caller nothing more.
 */
public abstract class InternalApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(InternalApiProblems.class);

	private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
			short.class, Short.class, BigInteger.class);

	private static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class, float.class, Float.class,
			BigDecimal.class);

	@ExceptionHandler
	protected ProblemDetail unexpected(Exception ex) {
		log.error("Request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed");
	}

	@ExceptionHandler
	protected ResponseEntity<Object> invalidQuery(InvalidQueryException ex, WebRequest request) {
		return invalid(ex, new InvalidField(ex.parameter(), ex.problem()), new HttpHeaders(), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, unreadable(ex), headers, request);
	}

	/** What is wrong with a body that cannot be read: a member where one is at fault. */
	private static InvalidField unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			return InvalidField.unknown(pathOf(unknown), unknown.getKnownPropertyIds());
		}
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return new InvalidField(pathOf(jackson), expectation(jackson));
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch) {
			return body("The body must be " + shape(mismatch.getTargetType()));
		}
		if (ex.getCause() instanceof JacksonException jackson) {
			return body("The body is not valid JSON: " + JsonSyntax.describe(jackson));
		}
		return body((ex.getCause() == null) ? "A JSON body is required" : "The body is not valid JSON");
	}

	/** A query parameter or path segment that is not of its type. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: ex.getPropertyName();
		return invalid(ex, new InvalidField(field, expectation(ex.getRequiredType())), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, new InvalidField(ex.getParameterName(), "is required"), headers, request);
	}

	/**
	 * {@code Allow} names {@code HEAD} wherever {@code GET} is (Spring MVC answers it
	 * there, but lists only the methods mapped).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Set<HttpMethod> supported = ex.getSupportedHttpMethods();
		if (supported == null || !supported.contains(HttpMethod.GET) || supported.contains(HttpMethod.HEAD)) {
			return super.handleHttpRequestMethodNotSupported(ex, headers, status, request);
		}
		Set<HttpMethod> allowed = new LinkedHashSet<>(supported);
		allowed.add(HttpMethod.HEAD);
		HttpHeaders withHead = new HttpHeaders();
		withHead.putAll(headers);
		withHead.setAllow(allowed);
		return super.handleHttpRequestMethodNotSupported(ex, withHead, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, noResource(request), headers, HttpStatus.NOT_FOUND, request);
	}

	@Override
	protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, noResource(request), headers, HttpStatus.NOT_FOUND, request);
	}

	protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private ResponseEntity<Object> invalid(Exception ex, InvalidField error, HttpHeaders headers, WebRequest request) {
		return handleExceptionInternal(ex, InvalidFields.problem(List.of(error)), headers, HttpStatus.BAD_REQUEST,
				request);
	}

	private static InvalidField body(String message) {
		return new InvalidField(InvalidField.BODY, message);
	}

	/** Not Spring's "No static resource …": the services serve no static resources. */
	private static ProblemDetail noResource(WebRequest request) {
		HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
		return problem(HttpStatus.NOT_FOUND, "Not Found",
				"No resource at " + servlet.getMethod() + " " + servlet.getRequestURI());
	}

	/** What the value should have been, in JSON's terms. */
	private static String expectation(JacksonException ex) {
		return expectation((ex instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null);
	}

	private static String expectation(Class<?> type) {
		if (type == null) {
			return "has an invalid value";
		}
		if (WHOLE_NUMBERS.contains(type)) {
			return "must be a whole number";
		}
		if (NUMBERS.contains(type)) {
			return "must be a number";
		}
		if (type == String.class) {
			return "must be a string";
		}
		return (type == boolean.class || type == Boolean.class) ? "must be true or false" : "has an invalid value";
	}

	/** What a whole body read as {@code type} is in JSON's terms. */
	private static String shape(Class<?> type) {
		if (type != null && (type.isArray() || Collection.class.isAssignableFrom(type))) {
			return "a JSON array";
		}
		return "a JSON object";
	}

	/** {@code scopes[0]}, {@code name}: the JSON path, without Java types. */
	private static String pathOf(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining())
			.replaceFirst("^\\.", "");
	}

}
