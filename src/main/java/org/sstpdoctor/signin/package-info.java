/**
 * The optional sign-in test, client side: after the Call Connect Ack, on the same connection, PPP
 * link negotiation, authentication (MS-CHAPv2, PAP, EAP-MSCHAPv2), the SSTP Call Connected with its
 * crypto binding, IPCP until an address is offered, then a clean hang-up. Nothing is routed and
 * nothing on the computer changes. Every wait is bounded; every ending is classified here, where its
 * cause is known, as a {@link org.sstpdoctor.signin.SignInResult}.
 */
package org.sstpdoctor.signin;
