package dev.flowgate.keys.domain.key;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.Page;
import dev.flowgate.keys.domain.owner.Owner;
import dev.flowgate.keys.domain.owner.OwnerNotFoundException;
import dev.flowgate.keys.domain.owner.OwnerService;
import dev.flowgate.keys.domain.owner.OwnerSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The platform admin finds owners again: a page at a time, or one by its id. */
class OwnerListingTest {

	/** Far more than any test's list needs: a cursor that never ends fails the test. */
	private static final int MAX_PAGES = 20;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00.123Z"));

	private final InMemoryKeys domain = new InMemoryKeys(this.clock, 10);

	private final KeyIssuer issuer = this.domain.issuer();

	private final KeyService keys = this.domain.keys();

	private final OwnerService owners = this.domain.owners(new InMemoryOwnerStore());

	@Test
	void pagesOwnersNewestFirstWithTheIdBreakingTies() {
		List<Owner> registered = new ArrayList<>();
		registered.add(register("oldest"));
		this.clock.advance(Duration.ofMillis(1));
		// Three in the same millisecond: the id orders them.
		for (int i = 0; i < 3; i++) {
			registered.add(register("tied-" + i));
		}
		this.clock.advance(Duration.ofMillis(1));
		registered.add(register("newest"));

		List<Page<OwnerSummary>> pages = walk(2);

		assertThat(pages).extracting((page) -> page.items().size()).containsExactly(2, 2, 1);
		assertThat(pages.stream().flatMap((page) -> page.items().stream()).map((summary) -> summary.owner().id()))
			.containsExactlyElementsOf(registered.stream()
				.sorted(Comparator.comparing(Owner::createdAt).thenComparing(Owner::id).reversed())
				.map(Owner::id)
				.toList());
		assertThat(pages.get(2).nextCursor()).isNull();
	}

	@Test
	void countsOnlyTheKeysThatWorkNow() {
		String ownerId = register("acme").id();
		this.issuer.issue(ownerId,
				KeyRequest.of("soon expired", null, null, this.clock.instant().plusSeconds(60), null));
		this.keys.deactivate(ownerId,
				this.issuer.issue(ownerId, KeyRequest.of("off", null, null, null, null)).key().id());
		this.keys.delete(ownerId, this.issuer.issue(ownerId, KeyRequest.of("gone", null, null, null, null)).key().id());
		// Registered later, so it lists first whatever the two random ids are.
		this.clock.advance(Duration.ofMillis(1));
		String keyless = register("keyless").id();
		this.keys.delete(keyless, this.keys.list(keyless, null, null).items().get(0).id());

		long beforeExpiry = this.owners.get(ownerId).activeKeys();
		this.clock.advance(Duration.ofSeconds(60));

		assertThat(beforeExpiry).as("the first key and the one not yet expired").isEqualTo(2);
		assertThat(this.owners.get(ownerId).activeKeys()).as("the first key alone").isEqualTo(1);
		assertThat(this.owners.list(null, null).items()).extracting(OwnerSummary::activeKeys).containsExactly(0L, 1L);
	}

	@Test
	void answersAnUnknownOwnerWithNotFound() {
		assertThatExceptionOfType(OwnerNotFoundException.class).isThrownBy(() -> this.owners.get("no-such-owner"));
	}

	@Test
	void refusesALimitOrACursorAsTheKeyListDoes() {
		register("acme");

		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.owners.list(null, 101))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("limit"))
			.withMessage("limit must be from 1 to 100");
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.owners.list("%%%", null))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("cursor"))
			.withMessage("cursor is not a cursor from a previous page");
	}

	private Owner register(String name) {
		return this.owners.register(name).owner();
	}

	private List<Page<OwnerSummary>> walk(int limit) {
		List<Page<OwnerSummary>> pages = new ArrayList<>();
		String cursor = null;
		do {
			Page<OwnerSummary> page = this.owners.list(cursor, limit);
			pages.add(page);
			cursor = page.nextCursor();
		}
		while (cursor != null && pages.size() < MAX_PAGES);
		return pages;
	}

}
