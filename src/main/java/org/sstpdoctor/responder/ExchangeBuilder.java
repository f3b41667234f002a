package org.sstpdoctor.responder;

import java.util.ArrayList;
import java.util.List;

/** What one connection to the responder brought, gathered as it is served, for {@link SstpResponder#exchanges()}. */
final class ExchangeBuilder {
    final String remote;
    byte[] requestHead;
    final List<byte[]> packets = new ArrayList<>();
    String note;

    ExchangeBuilder(String remote) {
        this.remote = remote;
    }

    SstpResponder.Exchange build() {
        return new SstpResponder.Exchange(remote, requestHead, List.copyOf(packets), note == null ? "" : note);
    }
}
