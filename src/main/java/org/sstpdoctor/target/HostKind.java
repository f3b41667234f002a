package org.sstpdoctor.target;

/** What kind of host a person typed. */
public enum HostKind {
    DNS_NAME, IPV4, IPV6
}
