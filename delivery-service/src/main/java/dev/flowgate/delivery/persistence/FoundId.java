package dev.flowgate.delivery.persistence;

import org.springframework.data.annotation.Id;

/** A document's id alone: what a batch of deletions reads first. */
record FoundId(@Id String id) {

}
