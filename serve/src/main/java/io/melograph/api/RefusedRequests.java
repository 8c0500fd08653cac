package io.melograph.api;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * Requests refused for their size. A refused body is not read, so the connection is closed after the answer (else the
 * next request on a kept-alive connection would be read from the middle of the unread body). A request line over
 * the server's limit is a URI too long (414) and over-long headers are 431, where Micronaut would answer 413.
 */
final class RefusedRequests {
    private RefusedRequests() {}

    /** Every refusal of a size closes the connection, whoever answered it (a route guard, a body limit). */
    @ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
    static final class CloseAfterRefusal {
        @ResponseFilter
        void close(MutableHttpResponse<?> response) {
            int code = response.code();
            if (code == 413 || code == 414 || code == 431) {
                response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
        }
    }

    /** Puts {@link TooLongHead} right after each HTTP/1 connection's decoder. */
    @Singleton
    static final class Installer implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
        @Override
        public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
            event.getBean().register(new NettyServerCustomizer() {
                @Override
                public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                    return role == ChannelRole.CONNECTION ? new Connection(channel) : this;
                }
            });
            return event.getBean();
        }
    }

    private record Connection(Channel channel) implements NettyServerCustomizer {
        @Override
        public void onStreamPipelineBuilt() {
            if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "melograph-too-long-head", new TooLongHead());
            }
        }
    }

    /** Answers a request whose line or headers the decoder refused as too long, then closes; passes the rest on. */
    static final class TooLongHead extends ChannelInboundHandlerAdapter {
        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                        : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : null;
                if (status != null) {
                    refused = true;
                    ReferenceCountUtil.release(msg);
                    String message = status.code() == 414 ? "the request line (method, URI, version) is longer than the server takes"
                            : "the request's headers are larger than the server takes";
                    byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
                    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
