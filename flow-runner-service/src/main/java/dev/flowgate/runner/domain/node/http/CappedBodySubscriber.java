package dev.flowgate.runner.domain.node.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import dev.flowgate.runner.domain.node.NodeFailedException;

/** Collects a response body, giving up as soon as it grows past a cap. */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

	private final long maxBytes;

	private final CompletableFuture<byte[]> body = new CompletableFuture<>();

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private Flow.Subscription subscription;

	CappedBodySubscriber(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.body;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (this.body.isDone()) {
			return;
		}
		for (ByteBuffer buffer : buffers) {
			if (this.received.size() + (long) buffer.remaining() > this.maxBytes) {
				this.subscription.cancel();
				this.body.completeExceptionally(NodeFailedException
					.permanent("the response is larger than the limit of %d bytes".formatted(this.maxBytes)));
				return;
			}
			byte[] chunk = new byte[buffer.remaining()];
			buffer.get(chunk);
			this.received.writeBytes(chunk);
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.body.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.body.complete(this.received.toByteArray());
	}

}
