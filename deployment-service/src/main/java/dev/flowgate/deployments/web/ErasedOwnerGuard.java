package dev.flowgate.deployments.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.execution.ErasedOwners;
import dev.flowgate.internal.InternalHeaders;

/**
 * Refuses changes for an owner whose data was erased (the platform admin deleted it), as
 * for an unknown owner: a gateway whose view still holds one of its keys for a moment
 * must not let it store anew what was just erased. Reads find nothing anyway.
 */
class ErasedOwnerGuard implements HandlerInterceptor {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private final ErasedOwners erasedOwners;

	ErasedOwnerGuard(ErasedOwners erasedOwners) {
		this.erasedOwners = erasedOwners;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String ownerId = request.getHeader(InternalHeaders.OWNER_ID);
		if (ownerId != null && !READS.contains(request.getMethod())
				&& !this.erasedOwners.among(List.of(ownerId)).isEmpty()) {
			throw new NotFoundException("Owner", ownerId);
		}
		return true;
	}

}
