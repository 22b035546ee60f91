package dev.flowgate.runner.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.runner.domain.node.http.HttpReply;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** Reads a whole response, failing as soon as the body grows past the cap. */
final class CappedBodyConsumer extends AbstractBinResponseConsumer<HttpReply> {

	private static final int READ_WINDOW = 65536;

	private final long maxBytes;

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private final Map<String, List<String>> headers = new LinkedHashMap<>();

	private int status;

	CappedBodyConsumer(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void start(HttpResponse response, ContentType contentType) {
		this.status = response.getCode();
		for (Header header : response.getHeaders()) {
			this.headers.computeIfAbsent(header.getName(), (name) -> new ArrayList<>()).add(header.getValue());
		}
	}

	@Override
	protected int capacityIncrement() {
		return READ_WINDOW;
	}

	@Override
	protected void data(ByteBuffer data, boolean endOfStream) throws IOException {
		if (this.received.size() + (long) data.remaining() > this.maxBytes) {
			throw new BodyTooLargeException(this.maxBytes);
		}
		byte[] chunk = new byte[data.remaining()];
		data.get(chunk);
		this.received.writeBytes(chunk);
	}

	@Override
	protected HttpReply buildResult() {
		return new HttpReply(this.status, this.headers, this.received.toByteArray());
	}

	@Override
	public void releaseResources() {
		this.received.reset();
	}

	/** Ends the exchange; its connection is not reused. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long maxBytes) {
			super("the response is larger than the limit of %d bytes".formatted(maxBytes));
		}

	}

}
