package org.sstpdoctor.probe;

/** Who gave the answer that decided the outcome: the first question a helpdesk asks. */
public enum AnsweredBy {
    /** The VPN server (or whatever listens on its address and port: a web server, a load balancer). */
    SERVER("the VPN server"),
    /** The web proxy between this computer and the Internet. */
    PROXY("the web proxy"),
    /** The network in between: the name service, a router or firewall that refused or dropped the connection. */
    NETWORK("the network"),
    /** Nothing answered before the time ran out. */
    NOBODY("nobody"),
    /** This computer: the input, its settings, or the test itself. */
    THIS_COMPUTER("this computer");

    private final String phrase;

    AnsweredBy(String phrase) {
        this.phrase = phrase;
    }

    /** Lower-case noun phrase for sentences ("answered by the web proxy"). */
    public String phrase() {
        return phrase;
    }
}
