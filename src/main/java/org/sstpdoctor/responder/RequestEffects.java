package org.sstpdoctor.responder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** The request-phase effects other than a real server's routing: silence, a close, a reset, fixed bytes. */
final class RequestEffects {
    private RequestEffects() {
    }

    static void answer(Behaviour.OnRequest effect, ResponderConfig config, Socket raw, InputStream in, OutputStream out,
                       byte[] head) throws IOException {
        if (effect instanceof Behaviour.OnRequest.StaySilent) {
            ResponderIo.waitForClose(in);
            return;
        } else if (effect instanceof Behaviour.OnRequest.Close) {
            return;
        } else if (effect instanceof Behaviour.OnRequest.Reset) {
            ResponderIo.reset(raw);
            return;
        } else if (effect instanceof Behaviour.OnRequest.Reply reply) {
            out.write(reply.bytes());
            out.flush();
            ResponderIo.waitForClose(in);
            return;
        } else if (effect instanceof Behaviour.OnRequest.ReplyAndClose reply) {
            out.write(reply.bytes());
            out.flush();
            return;
        } else if (effect instanceof Behaviour.OnRequest.Made made) {
            out.write(made.bytes().get());
            out.flush();
            return;
        } else if (effect instanceof Behaviour.OnRequest.ReplySlowly slow) {
            for (byte b : slow.bytes()) {
                out.write(b);
                out.flush();
                ResponderIo.sleep(slow.millisPerByte());
            }
            ResponderIo.waitForClose(in);
            return;
        } else if (effect instanceof Behaviour.OnRequest.Status status) {
            ResponderIo.sendError(out, status.code() == 0 ? config.httpStatus() : status.code(), status.server());
            return;
        } else if (effect instanceof Behaviour.OnRequest.Hostile hostile) {
            HostileReplies.answer(hostile.kind(), in, out, head);
            return;
        }
    }
}
