package org.sstpdoctor.probe.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Firewalls and secure web gateways that decrypt TLS and re-sign it with their own CA, recognised
 * from the issuer names of the chain the probe received. Only products whose default CA naming is
 * documented are listed; each carries its source. A match means the VPN host must be exempted from
 * inspection: with the inspection CA installed a browser is content, but the SSTP crypto binding
 * hashes the inspector's certificate and fails after sign-in.
 */
public final class InspectionProducts {
    /** One product: how its CA is named, and where that is documented. */
    public record Product(String name, Pattern issuerPattern, String source) {
    }

    public static final List<Product> KNOWN = List.of(
            new Product("Fortinet FortiGate / FortiProxy SSL deep inspection",
                    Pattern.compile("\\bforti(gate|net|proxy)", Pattern.CASE_INSENSITIVE),
                    "https://docs.fortinet.com/document/fortiproxy/7.2.5/cli-reference/141620 "
                            + "(default inspection CA Fortinet_CA_SSL)"),
            new Product("Zscaler Internet Access SSL inspection",
                    Pattern.compile("\\bzscaler\\b", Pattern.CASE_INSENSITIVE),
                    "https://help.zscaler.com/unified/choosing-ca-certificate-ssl-inspection "
                            + "(the issuer DN is set to the Zscaler intermediate certificate)"),
            new Product("Cisco Umbrella HTTPS inspection",
                    Pattern.compile("\\bcisco umbrella\\b", Pattern.CASE_INSENSITIVE),
                    "https://docs.umbrella.com/umbrella-user-guide/docs/add-customer-ca-signed-root-certificate "
                            + "(by default identities use the Cisco Umbrella root certificate)"),
            new Product("Netskope SSL decryption",
                    Pattern.compile("\\bnetskope\\b", Pattern.CASE_INSENSITIVE),
                    "https://github.com/ankitects/anki/issues/3016 (traffic re-signed by the Netskope root certificate)"));

    private InspectionProducts() {
    }

    /** The first product whose CA names any issuer or subject in the chain. */
    public static Optional<Product> recognise(List<String> chainNames) {
        for (String name : chainNames) {
            if (name == null) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            for (Product product : KNOWN) {
                if (product.issuerPattern().matcher(lower).find()) {
                    return Optional.of(product);
                }
            }
        }
        return Optional.empty();
    }
}
