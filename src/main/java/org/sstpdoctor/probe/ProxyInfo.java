package org.sstpdoctor.probe;

/**
 * The proxy actually used. Never holds the password: only whether one was given.
 *
 * @param mode none / system / manual, as chosen
 * @param endpoint "proxy.corp:3128", or empty when connecting directly
 * @param source where a system proxy came from ("environment variable HTTPS_PROXY"), or "typed"
 */
public record ProxyInfo(ProxyMode mode, String endpoint, String source, String user, boolean passwordGiven) {
    public ProxyInfo {
        endpoint = endpoint == null ? "" : endpoint;
        source = source == null ? "" : source;
    }

    public boolean used() {
        return !endpoint.isEmpty();
    }
}
