package dev.flowgate.deployments.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route that honours {@code Idempotency-Key}: a repeat of a request gets its first
 * answer again ({@link IdempotencyInterceptor}). The other routes ignore the header.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Idempotent {

}
