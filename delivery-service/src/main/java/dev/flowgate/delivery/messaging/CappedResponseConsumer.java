package dev.flowgate.delivery.messaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.flowgate.delivery.domain.callback.HttpPoster.PostResponse;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Keeps the status, {@code Retry-After} and only the first bytes of the body. Its
 * {@link #answer()} does not wait for a body that streams on, stalls or is shorter than
 * its {@code Content-Length}: the receiver's answer is its status.
 */
class CappedResponseConsumer extends AbstractBinResponseConsumer<PostResponse> {

	private static final int READ_WINDOW = 8192;

	private final int limit;

	private final Duration bodyWait;

	private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

	/**
	 * Completes {@code bodyWait} after the headers; cancelled once the exchange is over.
	 */
	private final CompletableFuture<Void> waited = new CompletableFuture<>();

	private final CompletableFuture<PostResponse> answer = this.waited.thenApply((ignored) -> readSoFar());

	/** Written last in {@link #start}: 0 until the headers are in. */
	private volatile int status;

	private volatile String retryAfter;

	private volatile Charset charset = StandardCharsets.UTF_8;

	/**
	 * @param bodyWait how long the answer waits for the rest of the body once the headers
	 * are in
	 */
	CappedResponseConsumer(int limit, Duration bodyWait) {
		this.limit = limit;
		this.bodyWait = bodyWait;
	}

	/**
	 * The status and the body read so far, {@code bodyWait} after the headers; an
	 * exchange that ends sooner completes with its result first.
	 */
	CompletableFuture<PostResponse> answer() {
		return this.answer;
	}

	/** The status and the body read so far, or {@code null} before the headers. */
	PostResponse readSoFar() {
		int code = this.status;
		if (code == 0) {
			return null;
		}
		String snippet = (this.kept.size() > 0) ? this.kept.toString(this.charset) : null;
		return new PostResponse(code, this.retryAfter, snippet);
	}

	@Override
	protected void start(HttpResponse response, ContentType contentType) {
		Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
		this.retryAfter = (header != null) ? header.getValue() : null;
		if (contentType != null && contentType.getCharset() != null) {
			this.charset = contentType.getCharset();
		}
		this.status = response.getCode();
		this.waited.completeOnTimeout(null, this.bodyWait.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	protected int capacityIncrement() {
		return READ_WINDOW;
	}

	@Override
	protected void data(ByteBuffer data, boolean endOfStream) {
		int room = this.limit - this.kept.size();
		int take = Math.min(room, data.remaining());
		if (take > 0) {
			byte[] bytes = new byte[take];
			data.get(bytes);
			this.kept.write(bytes, 0, take);
		}
		// The rest is read and dropped.
		data.position(data.limit());
	}

	@Override
	protected PostResponse buildResult() {
		return readSoFar();
	}

	@Override
	public void releaseResources() {
		// Read to the end, or given up: no answer is waited for anymore.
		this.waited.cancel(false);
		this.kept.reset();
	}

}
