/**
 * PPP as SSTP carries it (RFC 1661 framing and control protocols, RFC 1334 PAP, RFC 2759 MS-CHAPv2,
 * RFC 3748 EAP, RFC 1332 IPCP) and the key material the crypto binding needs (RFC 3079). Value types
 * and pure functions only: no sockets, no threads. The client and the responder's server side both
 * build on it.
 */
package org.sstpdoctor.ppp;
