package dev.flowgate.delivery.messaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import dev.flowgate.delivery.domain.callback.HttpPoster.PostResponse;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;

/** Keeps the status, {@code Retry-After} and only the first bytes of the body. */
class CappedResponseConsumer extends AbstractBinResponseConsumer<PostResponse> {

	private static final int READ_WINDOW = 8192;

	private final int limit;

	private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

	private int status;

	private String retryAfter;

	private Charset charset = StandardCharsets.UTF_8;

	CappedResponseConsumer(int limit) {
		this.limit = limit;
	}

	@Override
	protected void start(HttpResponse response, ContentType contentType) {
		this.status = response.getCode();
		Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
		this.retryAfter = (header != null) ? header.getValue() : null;
		if (contentType != null && contentType.getCharset() != null) {
			this.charset = contentType.getCharset();
		}
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
		String snippet = (this.kept.size() > 0) ? this.kept.toString(this.charset) : null;
		return new PostResponse(this.status, this.retryAfter, snippet);
	}

	@Override
	public void releaseResources() {
		this.kept.reset();
	}

}
