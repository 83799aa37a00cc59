package org.policyevaluator.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * After a body is refused for coming too slowly (408, {@link Upload#read}), Tomcat would still read the rest of
 * it to keep the connection open for another request — at the same trickle, holding the thread the refusal
 * was meant to free. This valve tells it to close the connection instead, once the answer is sent.
 */
final class AbandonedBodies extends ValveBase {

    AbandonedBodies() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (response.getStatus() == HttpStatus.REQUEST_TIMEOUT.value() && !request.isAsyncStarted()) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
