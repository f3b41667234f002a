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
    public static final int MIN_TIMEOUT = 3;
    public static final int MAX_TIMEOUT = 120;

    public final StringProperty address = new SimpleStringProperty("");
    public final StringProperty destinationName = new SimpleStringProperty(Texts.get("address.destination.default"));
    public final StringProperty port = new SimpleStringProperty("");
    public final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(15);
    public final ObjectProperty<ProxyMode> proxyMode = new SimpleObjectProperty<>(ProxyMode.SYSTEM);
    public final StringProperty proxyHost = new SimpleStringProperty("");
    public final StringProperty proxyPort = new SimpleStringProperty("");
    public final StringProperty proxyUser = new SimpleStringProperty("");
    /** Held only in memory; see {@link #secret()}. */
    public final StringProperty proxyPassword = new SimpleStringProperty("");
    public final BooleanProperty rememberPassword = new SimpleBooleanProperty(false);
    public final StringProperty caFile = new SimpleStringProperty("");
    public final ObservableList<String> recentAddresses = FXCollections.observableArrayList();
    public final ObservableList<String> recentDestinationNames = FXCollections.observableArrayList();
    public final ObjectProperty<ProbeReport> report = new SimpleObjectProperty<>();
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
        Integer portOverride = port.get() == null || port.get().isBlank() ? null : AddressParser.parsePort(port.get(), "port");
        return AddressParser.parse(address.get(), portOverride);
    }

    public Optional<String> addressProblem() {
        try {
            target();
            return Optional.empty();
        } catch (InputException e) {
            return Optional.of(e.getMessage());
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

    /** The first problem on the proxy page, with the field it belongs to. */
    public Optional<InputException> proxyInputProblem() {
        try {
            proxySettings(false);
            trustedCertificates();
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
        ProxyMode mode = proxyMode.get();
        if (mode == ProxyMode.NONE) {
            return ProxySettings.NONE;
        }
        if (mode == ProxyMode.SYSTEM) {
            return ProxySettings.SYSTEM;
        }
        ProxyEndpoint endpoint = ProxyAddressParser.parse(proxyHost.get(), proxyPort.get());
        ProxySettings settings = ProxySettings.manual(endpoint);
        String user = proxyUser.get() == null ? "" : proxyUser.get();
        if (!user.isBlank()) {
            String parsedUser = ProxyAddressParser.parseUser(user);
            char[] chars = withPassword ? proxyPassword.get().toCharArray() : new char[0];
            settings = settings.withCredentials(parsedUser, Secret.of(chars));
            java.util.Arrays.fill(chars, '\0');
        }
        return settings;
    }

    public List<X509Certificate> trustedCertificates() throws InputException {
        String file = caFile.get() == null ? "" : caFile.get().strip();
        if (file.isEmpty()) {
            return List.of();
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException("trusted CA file", Texts.get("proxy.ca.missing", file));
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException("trusted CA file", Texts.get("proxy.ca.missing", file));
        }
        // Validation runs on every keystroke: parse the file once per version of it, not each time.
        String version;
        try {
            version = path.toAbsolutePath() + "|" + Files.getLastModifiedTime(path).toMillis() + "|" + Files.size(path);
        } catch (java.io.IOException e) {
            throw new InputException("trusted CA file", Texts.get("proxy.ca.missing", file));
        }
        if (!version.equals(parsedCaVersion)) {
            parsedCa = TrustStores.readCertificates(path);
            parsedCaVersion = version;
        }
        return parsedCa;
    }

    private String parsedCaVersion;
    private List<X509Certificate> parsedCa = List.of();

    public ProbeRequest request() throws InputException {
        Target target = target();
        List<X509Certificate> extra = trustedCertificates();
        return new ProbeRequest(address.get().strip(), target, proxySettings(true), extra,
                extra.isEmpty() ? null : caFile.get().strip(), Duration.ofSeconds(timeoutSeconds.get()));
    }

    /** Fills the fields from what was remembered (never a password: that lives in the credential store). */
    public void apply(Settings s) {
        recentAddresses.setAll(s.recentAddresses());
        recentDestinationNames.setAll(s.recentDestinationNames());
        if (!s.recentDestinationNames().isEmpty()) {
            destinationName.set(s.recentDestinationNames().get(0));
        }
        proxyMode.set(switch (s.proxyMode() == null ? "system" : s.proxyMode()) {
            case "none" -> ProxyMode.NONE;
            case "manual" -> ProxyMode.MANUAL;
            default -> ProxyMode.SYSTEM;
        });
        proxyHost.set(s.proxyHost() == null ? "" : s.proxyHost());
        proxyPort.set(s.proxyPort() == null ? "" : String.valueOf(s.proxyPort()));
        proxyUser.set(s.proxyUser() == null ? "" : s.proxyUser());
        rememberPassword.set(s.rememberPassword());
        caFile.set(s.caFile() == null ? "" : s.caFile());
        timeoutSeconds.set(Math.max(MIN_TIMEOUT, Math.min(MAX_TIMEOUT, s.timeoutSeconds())));
    }

    /** What to remember after a test: the address, the name and the proxy settings as typed. */
    public Settings remember(Settings previous) {
        Settings s = previous;
        if (addressProblem().isEmpty()) {
            s = s.withRecentAddress(address.get().strip());
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
        String mode = switch (proxyMode.get()) {
            case NONE -> "none";
            case MANUAL -> "manual";
            default -> "system";
        };
        String user = proxyUser.get() == null || proxyUser.get().isBlank() ? null : proxyUser.get().strip();
        s = s.withProxy(mode, blankToNull(proxyHost.get()), p, user, rememberPassword.get() && user != null);
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
