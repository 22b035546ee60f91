package dev.flowgate.gateway.domain.key;

import java.util.HashSet;
import java.util.Set;

import dev.flowgate.contracts.KeyStateChanged;

/**
 * A key's state in the view, and the highest version applied to it: the state's own, or,
 * for a state without one (from a producer before versions), the one before it, so that a
 * late older state is still refused.
 */
record LiveKey(KeyStateChanged state, long version) {

	/**
	 * The hashes that find it: its secret's and, during a rotation, the previous one's.
	 */
	Set<String> hashes() {
		Set<String> hashes = new HashSet<>();
		if (this.state.secretHash() != null) {
			hashes.add(this.state.secretHash());
		}
		if (this.state.previousSecretHash() != null) {
			hashes.add(this.state.previousSecretHash());
		}
		return hashes;
	}

}
