package org.sstpdoctor.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.evidence.CryptoBinding;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.probe.TrustStores;
import org.sstpdoctor.settings.Settings;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.ProxyEndpoint;
import org.sstpdoctor.target.Target;

/**
 * What the person has typed and chosen, and the last result. Pages bind to it; it turns the fields
 * into a {@link ProbeRequest} with the same parsers the command line uses, so both reject the same
 * input with the same words.
 */
public final class WizardModel {
    public static final int MIN_TIMEOUT = org.sstpdoctor.settings.Settings.MIN_TIMEOUT;
    public static final int MAX_TIMEOUT = org.sstpdoctor.settings.Settings.MAX_TIMEOUT;

    public final StringProperty address = new SimpleStringProperty("");
    public final StringProperty destinationName = new SimpleStringProperty(Texts.get("address.destination.default"));
    public final StringProperty port = new SimpleStringProperty("");
    public final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(org.sstpdoctor.settings.Settings.DEFAULT_TIMEOUT);
    public final ObjectProperty<ProxyMode> proxyMode = new SimpleObjectProperty<>(ProxyMode.SYSTEM);
    public final StringProperty proxyHost = new SimpleStringProperty("");
    public final StringProperty proxyPort = new SimpleStringProperty("");
    public final StringProperty proxyUser = new SimpleStringProperty("");
    /** Held only in memory; see {@link #secret()}. */
    public final StringProperty proxyPassword = new SimpleStringProperty("");
    public final BooleanProperty rememberPassword = new SimpleBooleanProperty(false);
    public final StringProperty caFile = new SimpleStringProperty("");
    /** The optional sign-in test: the VPN user, held only in memory (the password in the OS store only if asked). */
    public final StringProperty vpnUser = new SimpleStringProperty("");
    public final StringProperty vpnPassword = new SimpleStringProperty("");
    public final StringProperty vpnDomain = new SimpleStringProperty("");
    public final BooleanProperty rememberVpnPassword = new SimpleBooleanProperty(false);
    /** The certificate fingerprint expected at this address (Advanced); remembered per address. */
    public final StringProperty expectedCertificate = new SimpleStringProperty("");
    private java.util.Map<String, String> rememberedCertificates = java.util.Map.of();

    {
        // Another address brings back the fingerprint remembered for it (or none).
        address.addListener((o, was, now) -> {
            String remembered = now == null ? "" : rememberedCertificates.getOrDefault(now.strip().toLowerCase(java.util.Locale.ROOT), "");
            if (!remembered.isEmpty() || rememberedCertificates.containsKey(was == null ? "" : was.strip().toLowerCase(java.util.Locale.ROOT))) {
                expectedCertificate.set(remembered);
            }
        });
    }
    public final ObservableList<String> recentAddresses = FXCollections.observableArrayList();
    public final ObservableList<String> recentDestinationNames = FXCollections.observableArrayList();
    public final ObjectProperty<ProbeReport> report = new SimpleObjectProperty<>();
    /** A report from another computer (or the history), shown on the opened-report page. */
    public final ObjectProperty<org.sstpdoctor.ticket.OpenedReport> openedReport = new SimpleObjectProperty<>();
    /** How the last result compares with the test of the same server before it ("Reachable 3 days ago; …"). */
    public final StringProperty comparison = new SimpleStringProperty("");
    /** Set while practice mode runs: the scenario's description, shown in a banner. */
    public final StringProperty practiceBanner = new SimpleStringProperty("");

    /** The account whose remembered password is in {@link #proxyPassword}, or null when the person typed it. */
    private String passwordFilledFor;

    {
        // A remembered password belongs to one user at one proxy: editing either takes it out of the field,
        // so it is never sent to, or stored under, another proxy or user.
        javafx.beans.value.ChangeListener<String> accountEdited = (o, was, now) -> {
            if (passwordFilledFor != null && !passwordFilledFor.equals(credentialAccount())) {
                passwordFilledFor = null;
                proxyPassword.set("");
            }
        };
        proxyHost.addListener(accountEdited);
        proxyPort.addListener(accountEdited);
        proxyUser.addListener(accountEdited);
        // Once the person types a password of their own, it is theirs to keep or change.
        proxyPassword.addListener((o, was, now) -> passwordFilledFor = null);
    }

    /** Puts the password remembered for {@code account} in the field, if that is still the account shown. */
    public void fillRememberedPassword(String account, char[] password) {
        if (account.equals(credentialAccount()) && proxyPassword.get().isEmpty()) {
            proxyPassword.set(new String(password));
            passwordFilledFor = account;
        }
    }

    /** The server to test, or the message that says what is wrong with the address or port. */
    public Target target() throws InputException {
        Integer portOverride = port.get() == null || port.get().isBlank() ? null : AddressParser.parsePort(port.get(), org.sstpdoctor.target.InputField.PORT);
        return AddressParser.parse(address.get(), portOverride);
    }

    public Optional<String> addressProblem() {
        return targetProblem().map(InputException::getMessage);
    }

    /** The problem with the address or port, with the field it belongs to. */
    public Optional<InputException> targetProblem() {
        try {
            target();
            return Optional.empty();
        } catch (InputException e) {
            return Optional.of(e);
        }
    }

    /** The port written in the address itself ({@code vpn.example.com:4443}), if any and if it parses. */
    public Optional<Integer> addressPort() {
        try {
            Target t = AddressParser.parse(address.get(), null);
            return t.port() == Target.DEFAULT_PORT ? Optional.empty() : Optional.of(t.port());
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    public Optional<String> destinationProblem() {
        String name = destinationName.get() == null ? "" : destinationName.get().strip();
        if (name.isEmpty()) {
            return Optional.of(Texts.get("address.destination.empty"));
        }
        if (name.length() > 256 || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Texts.get("address.destination.invalid"));
        }
        return Optional.empty();
    }

    /** The first problem with the proxy fields (pure parsing, no disk), with the field it belongs to. */
    public Optional<InputException> proxyInputProblem() {
        try {
            proxySettings(false);
            return Optional.empty();
        } catch (InputException e) {
            return Optional.of(e);
        }
    }

    /**
     * The proxy settings; with {@code withPassword} the password is copied into a {@link Secret}
     * that the caller wipes after the probe.
     */
    public ProxySettings proxySettings(boolean withPassword) throws InputException {
        return requestInput(withPassword).proxySettings();
    }

    /** The state of the trusted CA file, checked in the background whenever its name changes. */
    public final ObjectProperty<CaCheck> caCheck = new SimpleObjectProperty<>(CaCheck.NONE);

    /** What the background check of the CA file found. */
    public record CaCheck(State state, String file, String problem) {
        public enum State { NONE, CHECKING, OK, PROBLEM }

        public static final CaCheck NONE = new CaCheck(State.NONE, "", "");

        /** A check still running does not hold Next back: the test reads the file again anyway. */
        public boolean blocksNext() {
            return state == State.PROBLEM;
        }
    }

    /** Reads the CA file: on a background thread only (it is disk work, maybe on a network drive). */
    public static List<X509Certificate> readTrustedCertificates(String typed) throws InputException {
        String file = typed == null ? "" : typed.strip();
        if (file.isEmpty()) {
            return List.of();
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(CA_FIELD, Texts.get("proxy.ca.missing", file));
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException(CA_FIELD, Texts.get("proxy.ca.missing", file));
        }
        try {
            return TrustStores.readCertificates(path);
        } catch (InputException e) {
            throw new InputException(CA_FIELD, e.getMessage());
        }
    }

    /** The field name the CA file's problems carry, whatever the engine calls it. */
    public static final org.sstpdoctor.target.InputField CA_FIELD = org.sstpdoctor.target.InputField.TRUSTED_CA_FILE;

    /**
     * Everything typed, copied on the FX thread; {@link RequestInput#toRequest()} then parses it and
     * reads the CA file on the probe's thread.
     */
    public RequestInput requestInput(boolean withPassword) {
        return new RequestInput(address.get(), port.get(), proxyMode.get(), proxyHost.get(), proxyPort.get(), proxyUser.get(),
                withPassword ? proxyPassword.get().toCharArray() : new char[0], caFile.get(), timeoutSeconds.get(),
                expectedCertificate.get(), vpnUser.get(), withPassword ? vpnPassword.get().toCharArray() : new char[0],
                vpnDomain.get());
    }

    /**
     * The problem with the sign-in page's field {@code field} ("user", "password", "domain"), in the
     * words the command line uses; empty fields are no problem (the test is optional).
     */
    public Optional<String> vpnProblem(String field) {
        String user = vpnUser.get() == null ? "" : vpnUser.get().strip();
        String domain = vpnDomain.get() == null ? "" : vpnDomain.get().strip();
        boolean password = vpnPassword.get() != null && !vpnPassword.get().isEmpty();
        return switch (field) {
            case "user" -> user.isEmpty() ? (password ? Optional.of(Texts.get("signin.user.missing")) : Optional.empty())
                    : user.length() > org.sstpdoctor.signin.Credentials.MAX_USER_LENGTH
                    || user.chars().anyMatch(Character::isISOControl) ? Optional.of(Texts.get("signin.user.invalid")) : Optional.empty();
            case "password" -> !user.isEmpty() && !password ? Optional.of(Texts.get("signin.password.missing")) : Optional.empty();
            case "domain" -> domain.length() > org.sstpdoctor.signin.Credentials.MAX_USER_LENGTH || domain.contains("\\")
                    || domain.chars().anyMatch(Character::isISOControl) ? Optional.of(Texts.get("signin.domain.invalid")) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Where a remembered VPN password is kept: one user at one server. */
    public String vpnCredentialAccount() {
        return "vpn " + (vpnDomain.get() == null || vpnDomain.get().isBlank() ? "" : vpnDomain.get().strip() + "\\")
                + (vpnUser.get() == null ? "" : vpnUser.get().strip()) + "@" + (address.get() == null ? "" : address.get().strip());
    }

    /** A copy of the typed fields, safe to use off the FX thread. */
    public record RequestInput(String address, String port, ProxyMode proxyMode, String proxyHost, String proxyPort,
                               String proxyUser, char[] password, String caFile, int timeoutSeconds,
                               String expectedCertificate, String vpnUser, char[] vpnPassword, String vpnDomain) {
        /** Without the sign-in test (its page left empty). */
        public RequestInput(String address, String port, ProxyMode proxyMode, String proxyHost, String proxyPort,
                            String proxyUser, char[] password, String caFile, int timeoutSeconds, String expectedCertificate) {
            this(address, port, proxyMode, proxyHost, proxyPort, proxyUser, password, caFile, timeoutSeconds,
                    expectedCertificate, "", new char[0], "");
        }

        @Override
        public String toString() {
            return "RequestInput[" + address + ", passwords hidden]";
        }

        /** The VPN credentials for the sign-in test, or null when the page was left empty (or skipped). */
        org.sstpdoctor.signin.Credentials signIn() throws InputException {
            try {
                if (vpnUser == null || vpnUser.isBlank()) {
                    return null;
                }
                if (vpnPassword.length == 0) {
                    throw new InputException(org.sstpdoctor.target.InputField.VPN_PASSWORD, Texts.get("signin.password.missing"));
                }
                try {
                    return new org.sstpdoctor.signin.Credentials(vpnUser, Secret.of(vpnPassword), vpnDomain);
                } catch (IllegalArgumentException e) {
                    throw new InputException(org.sstpdoctor.target.InputField.VPN_USER, Texts.get("signin.user.invalid"));
                }
            } finally {
                java.util.Arrays.fill(vpnPassword, '\0');
            }
        }

        public ProxySettings proxySettings() throws InputException {
            try {
                if (proxyMode == ProxyMode.NONE) {
                    return ProxySettings.NONE;
                }
                if (proxyMode == ProxyMode.SYSTEM) {
                    return ProxySettings.SYSTEM;
                }
                ProxyEndpoint endpoint = ProxyAddressParser.parse(proxyHost, proxyPort);
                ProxySettings settings = ProxySettings.manual(endpoint);
                String user = proxyUser == null ? "" : proxyUser;
                if (!user.isBlank()) {
                    settings = settings.withCredentials(ProxyAddressParser.parseUser(user), Secret.of(password));
                }
                return settings;
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }

        public ProbeRequest toRequest() throws InputException {
            Integer portOverride = port == null || port.isBlank() ? null : AddressParser.parsePort(port, org.sstpdoctor.target.InputField.PORT);
            Target target = AddressParser.parse(address, portOverride);
            List<X509Certificate> extra = readTrustedCertificates(caFile);
            return new ProbeRequest(address.strip(), target, proxySettings(), extra,
                    extra.isEmpty() ? null : caFile.strip(), Duration.ofSeconds(timeoutSeconds))
                    .withExpectedCertificate(CryptoBinding.normalise(expectedCertificate).orElse(""))
                    .withSignIn(signIn());
        }
    }

    /** Empty, or why the expected certificate cannot be used. */
    public Optional<String> certificateProblem() {
        String typed = expectedCertificate.get();
        if (typed == null || typed.isBlank() || CryptoBinding.normalise(typed).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Texts.get("address.expectedcert.invalid"));
    }

    /** Fills the fields from what was remembered (never a password: that lives in the credential store). */
    public void apply(Settings s) {
        recentAddresses.setAll(s.recentAddresses());
        recentDestinationNames.setAll(s.recentDestinationNames());
        if (!s.recentDestinationNames().isEmpty()) {
            destinationName.set(s.recentDestinationNames().get(0));
        }
        proxyMode.set(s.proxyMode());
        proxyHost.set(s.proxyHost() == null ? "" : s.proxyHost());
        proxyPort.set(s.proxyPort() == null ? "" : String.valueOf(s.proxyPort()));
        proxyUser.set(s.proxyUser() == null ? "" : s.proxyUser());
        rememberPassword.set(s.rememberPassword());
        caFile.set(s.caFile() == null ? "" : s.caFile());
        timeoutSeconds.set(Math.max(MIN_TIMEOUT, Math.min(MAX_TIMEOUT, s.timeoutSeconds())));
        rememberedCertificates = s.expectedCertificates();
        expectedCertificate.set(s.expectedCertificate(address.get()));
    }

    /** What to remember after a test: the address, the name and the proxy settings as typed. */
    public Settings remember(Settings previous) {
        Settings s = previous;
        if (addressProblem().isEmpty()) {
            s = s.withRecentAddress(address.get().strip());
            if (certificateProblem().isEmpty()) {
                s = s.withExpectedCertificate(address.get().strip(),
                        CryptoBinding.normalise(expectedCertificate.get()).orElse(""));
                rememberedCertificates = s.expectedCertificates();
            }
        }
        if (destinationProblem().isEmpty()) {
            s = s.withRecentDestinationName(destinationName.get().strip());
        }
        Integer p = null;
        try {
            p = proxyPort.get() == null || proxyPort.get().isBlank() ? null : Integer.valueOf(proxyPort.get().strip());
        } catch (NumberFormatException ignored) {
            // an unparsable port is not remembered
        }
        String user = proxyUser.get() == null || proxyUser.get().isBlank() ? null : proxyUser.get().strip();
        s = s.withProxy(proxyMode.get(), blankToNull(proxyHost.get()), p, user, rememberPassword.get() && user != null);
        s = s.withCaFile(blankToNull(caFile.get()));
        s = s.withTimeoutSeconds(timeoutSeconds.get());
        recentAddresses.setAll(new ArrayList<>(s.recentAddresses()));
        recentDestinationNames.setAll(new ArrayList<>(s.recentDestinationNames()));
        return s;
    }

    /** The account name under which a remembered proxy password is kept: user at proxy. */
    public String credentialAccount() {
        return (proxyUser.get() == null ? "" : proxyUser.get().strip()) + "@" + (proxyHost.get() == null ? ""
                : proxyHost.get().strip()) + ":" + (proxyPort.get() == null ? "" : proxyPort.get().strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
