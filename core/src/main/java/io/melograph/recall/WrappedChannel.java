package io.melograph.recall;

/** A channel answering in place of another one: it keeps that channel's name, description and kind of answer. */
public abstract class WrappedChannel implements RecallChannel {
    protected final RecallChannel channel;

    protected WrappedChannel(RecallChannel channel) {
        this.channel = channel;
    }

    @Override
    public String name() {
        return channel.name();
    }

    @Override
    public String description() {
        return channel.description();
    }

    @Override
    public String answered() {
        return channel.answered();
    }
}
